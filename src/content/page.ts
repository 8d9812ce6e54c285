// One page's reading: its text blocks, the matcher's document state, the mentions and their ranges.
// Scanning is done in slices that yield to the page; work is proportional to new text.
import { addBlocks, resolveDocument, startDocument, type Matcher, type DocumentState, type Mention } from '../core/match.ts';
import { extractMeetings } from '../core/meetings.ts';
import { meetingOptions } from '../core/scan.ts';
import { detectLang } from '../core/language.ts';
import type { MentionOut, PageSummary } from '../core/contracts.ts';
import type { EntityType } from '../core/dictionary/index-format.ts';
import { collectBlocks, rangeOf, type TextBlock } from './collect.ts';
import type { Highlighter } from './highlight.ts';

export interface PageMention { key: string; mention: Mention; range: Range; block: TextBlock }

const SLICE_MS = 8;
const now = () => performance.now();
const pause = () => new Promise<void>((r) => setTimeout(r, 0));

export function createPage(matcher: Matcher, doc: Document, highlighter: Highlighter, opts: { lang: string; date: string | null; enabledTypes: () => Record<EntityType, boolean> }) {
  const state: DocumentState = startDocument({ lang: opts.lang, date: opts.date ?? undefined });
  const blocks: TextBlock[] = [];
  const byElement = new WeakMap<Node, TextBlock[]>();
  let mentions: PageMention[] = [];
  const byKey = new Map<string, PageMention>();
  const byNode = new Map<Node, PageMention[]>();
  const byRange = new Map<Range, PageMention>();
  let busy: Promise<void> = Promise.resolve();

  function index(list: PageMention[]) {
    byNode.clear();
    byRange.clear();
    for (const m of list) {
      byRange.set(m.range, m);
      for (const n of m.block.nodes) {
        if (!m.range.intersectsNode(n)) continue;
        (byNode.get(n) ?? byNode.set(n, []).get(n)!).push(m);
      }
    }
  }

  /** Re-decides the document and updates highlights by difference. */
  function resolve() {
    const types = opts.enabledTypes();
    const next: PageMention[] = [];
    const keep = new Set<string>();
    for (const mention of resolveDocument(matcher, state)) {
      const block = blocks[mention.block];
      if (!block || !block.element.isConnected || !types[mention.entity.type]) continue;
      const key = `${mention.block}:${mention.start}:${mention.end}:${mention.entity.id}`;
      keep.add(key);
      let pm = byKey.get(key);
      if (!pm) {
        try { pm = { key, mention, range: rangeOf(block, mention.start, mention.end), block }; } catch { continue; }
        byKey.set(key, pm);
        highlighter.add([{ range: pm.range, type: mention.entity.type }]);
      }
      next.push(pm);
    }
    const stale = [...byKey.values()].filter((m) => !keep.has(m.key));
    highlighter.remove(stale.map((m) => m.range));
    for (const m of stale) byKey.delete(m.key);
    mentions = next;
    index(next);
  }

  /** Scans new blocks in slices of a few milliseconds, then resolves once. */
  async function scan(newBlocks: TextBlock[]) {
    let i = 0;
    while (i < newBlocks.length) {
      const t0 = now();
      const slice: TextBlock[] = [];
      while (i < newBlocks.length && (slice.length === 0 || now() - t0 < SLICE_MS)) {
        const b = newBlocks[i++];
        b.lang ??= detectLang(b.text) ?? opts.lang;
        blocks.push(b);
        (byElement.get(b.element) ?? byElement.set(b.element, []).get(b.element)!).push(b);
        addBlocks(matcher, state, [{ text: b.text, lang: b.lang }]);
        slice.push(b);
      }
      // the benchmark (npm run bench) adds up these measures: matching only, then resolving and highlighting
      performance.measure('diplolens:match', { start: t0, end: now() });
      if (i < newBlocks.length) await pause();
    }
    const t1 = now();
    resolve();
    performance.measure('diplolens:highlight', { start: t1, end: now() });
  }

  const queue = (fn: () => Promise<void> | void) => (busy = busy.then(fn, fn));

  return {
    /** the first reading of the page */
    start: () => queue(() => scan(collectBlocks(doc.body ?? doc.documentElement))),
    /** text added or changed under these roots: their old blocks are dropped and the new ones scanned */
    update: (roots: Node[]) => queue(async () => {
      const fresh: TextBlock[] = [];
      for (const root of roots) {
        if (!root.isConnected) continue;
        forget(root);
        fresh.push(...collectBlocks(root));
      }
      await scan(fresh);
    }),
    /** removed nodes drop their highlights */
    prune: () => queue(() => {
      for (const [i, b] of blocks.entries()) if (!b.element.isConnected || !b.nodes.every((n) => n.isConnected)) drop(i);
      resolve();
    }),
    mentions: () => mentions,
    atNode: (node: Node) => byNode.get(node) ?? [],
    ofRange: (r: Range) => byRange.get(r),
    idle: () => busy,
    summary(): PageSummary {
      const { text, base } = documentText();
      const outs: MentionOut[] = mentions.map(({ mention: m }) => ({
        start: base[m.block] + m.start, end: base[m.block] + m.end, text: m.text,
        entity: { id: m.entity.id, name: m.entity.name, type: m.entity.type },
      }));
      return {
        url: location.href, title: doc.title, lang: opts.lang, date: opts.date,
        mentions: outs,
        meetings: extractMeetings(text, outs, meetingOptions(matcher, opts.lang, opts.date)),
      };
    },
    rescan: () => queue(() => resolve()),
    clear() { highlighter.clear(); byKey.clear(); mentions = []; index([]); },
  };

  function documentText() {
    const base: number[] = [];
    let text = '';
    for (const b of blocks) { base.push(text.length); text += b.text + '\n'; }
    return { text, base };
  }

  function drop(i: number) {
    const b = state.blocks[i];
    if (b) { b.candidates = []; b.text = ''; }
  }

  function forget(root: Node) {
    blocks.forEach((b, i) => { if (root.contains(b.element) || b.nodes.some((n) => root.contains(n))) drop(i); });
  }
}

export type Page = ReturnType<typeof createPage>;
