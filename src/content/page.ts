// One page's reading: its text blocks, the matcher's document state, the mentions and their ranges.
// Scanning and highlighting are done in slices that yield to the page (no long tasks); work is proportional
// to new text, and the part of the page on screen is read first.
import { addBlocks, resolveDocument, startDocument, pendingWork, dropBlock, type Matcher, type DocumentState, type Mention } from '../core/match.ts';
import { extractMeetings } from '../core/meetings.ts';
import { meetingOptions } from '../core/scan.ts';
import { detectLang } from '../core/language.ts';
import type { MentionOut, PageSummary } from '../core/contracts.ts';
import type { EntityType } from '../core/dictionary/index-format.ts';
import { collectBlocks, collectSliced, locate, nodeIndexAt, type TextBlock } from './collect.ts';
import type { Highlighter } from './highlight.ts';

/** A mention on the page. Highlights hold a StaticRange: live Ranges cost memory and slow down every DOM change
 *  of the page (the browser updates each one); a live Range is made only when one is needed (hover, keyboard). */
export interface PageMention { key: string; mention: Mention; staticRange: StaticRange; readonly range: Range; block: TextBlock; nodes: Text[] }

function pageMention(key: string, mention: Mention, block: TextBlock, nodes: Text[], staticRange: StaticRange): PageMention {
  let live: Range | null = null;
  return {
    key, mention, block, nodes, staticRange,
    get range() {
      if (!live) {
        live = block.element.ownerDocument!.createRange();
        live.setStart(staticRange.startContainer, staticRange.startOffset);
        live.setEnd(staticRange.endContainer, staticRange.endOffset);
      }
      return live;
    },
  };
}

const SLICE_MS = 8;
const now = () => performance.now();
const pause = () => new Promise<void>((r) => setTimeout(r, 0));

/** Index of the first block on or below the top of the viewport (blocks are in document order). */
function firstVisible(blocks: TextBlock[]): number {
  let lo = 0, hi = blocks.length - 1, found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = blocks[mid].element.getBoundingClientRect();
    if (r.bottom < 0) lo = mid + 1; else { found = mid; hi = mid - 1; }
  }
  return found;
}

export function createPage(matcher: Matcher, doc: Document, highlighter: Highlighter, opts: {
  lang: string; date: string | null; enabledTypes: () => Record<EntityType, boolean>; onShadowRoot?: (root: ShadowRoot) => void;
}) {
  const state: DocumentState = startDocument({ lang: opts.lang, date: opts.date ?? undefined });
  // near-misses are looked for a few milliseconds at a time; resolution repeats until every block had its turn
  state.nearMissBudgetMs = SLICE_MS;
  const blocks: TextBlock[] = [];
  let mentions: PageMention[] = [];
  const byKey = new Map<string, PageMention>();
  const byNode = new Map<Node, PageMention[]>();
  const byRange = new Map<AbstractRange, PageMention>();
  let busy: Promise<void> = Promise.resolve();
  const collect = (root: Node) => collectBlocks(root, opts.onShadowRoot);

  function track(pm: PageMention) {
    byRange.set(pm.staticRange, pm);
    for (const n of pm.nodes) (byNode.get(n) ?? byNode.set(n, []).get(n)!).push(pm);
  }
  function untrack(pm: PageMention) {
    byRange.delete(pm.staticRange);
    for (const n of pm.nodes) {
      const list = byNode.get(n)?.filter((x) => x !== pm);
      if (list?.length) byNode.set(n, list); else byNode.delete(n);
    }
  }

  /** Re-decides the document, then updates highlights by difference, in slices. */
  async function resolve() {
    const t0 = now();
    const types = opts.enabledTypes();
    const decided = resolveDocument(matcher, state);
    performance.measure('diplolens:resolve', { start: t0, end: now() });
    // deciding and highlighting are separate tasks
    await pause();
    const keep = new Set<string>();
    const fresh: { key: string; mention: Mention; block: TextBlock }[] = [];
    const next: PageMention[] = [];
    for (const mention of decided) {
      const block = blocks[mention.block];
      if (!block || !types[mention.entity.type]) continue;
      const key = `${mention.block}:${mention.start}:${mention.end}:${mention.entity.id}`;
      keep.add(key);
      const pm = byKey.get(key);
      if (pm) next.push(pm); else fresh.push({ key, mention, block });
    }
    const stale = [...byKey.values()].filter((m) => !keep.has(m.key));
    highlighter.remove(stale.map((m) => m.staticRange));
    for (const m of stale) { byKey.delete(m.key); untrack(m); }
    let sliceStart = now();
    let batch: { range: AbstractRange; type: EntityType }[] = [];
    for (const { key, mention, block } of fresh) {
      if (!block.nodes.every((n) => n.isConnected)) continue;
      const [sn, so] = locate(block, mention.start), [en, eo] = locate(block, mention.end, true);
      const staticRange = new StaticRange({ startContainer: sn, startOffset: so, endContainer: en, endOffset: eo });
      const [a, b] = [nodeIndexAt(block, mention.start), nodeIndexAt(block, mention.end, true)];
      const pm = pageMention(key, mention, block, block.nodes.slice(a, b + 1), staticRange);
      byKey.set(key, pm);
      track(pm);
      next.push(pm);
      batch.push({ range: staticRange, type: mention.entity.type });
      if (now() - sliceStart > SLICE_MS) {
        highlighter.add(batch);
        batch = [];
        // the benchmark (npm run bench) adds up these measures: matching only, then resolving and highlighting
        performance.measure('diplolens:highlight', { start: sliceStart, end: now() });
        await pause();
        sliceStart = now();
      }
    }
    highlighter.add(batch);
    mentions = next.sort((x, y) => x.mention.block - y.mention.block || x.mention.start - y.mention.start);
    performance.measure('diplolens:highlight', { start: sliceStart, end: now() });
    if (pendingWork(state)) { await pause(); await resolve(); }
  }

  /** Scans new blocks in slices of a few milliseconds. */
  async function scan(newBlocks: TextBlock[]) {
    let i = 0;
    while (i < newBlocks.length) {
      const t0 = now();
      while (i < newBlocks.length && now() - t0 < SLICE_MS) {
        const b = newBlocks[i++];
        b.lang ??= detectLang(b.text) ?? opts.lang;
        blocks.push(b);
        addBlocks(matcher, state, [{ text: b.text, lang: b.lang }]);
      }
      performance.measure('diplolens:match', { start: t0, end: now() });
      if (i < newBlocks.length) await pause();
    }
  }

  const queue = (fn: () => Promise<void> | void) => (busy = busy.then(fn, fn));

  const drop = (i: number) => dropBlock(state, i);

  return {
    /** the first reading: what is on screen first, then the rest */
    start: () => queue(async () => {
      const all = await collectSliced(doc.body ?? doc.documentElement, opts.onShadowRoot, SLICE_MS, pause);
      // a page opened scrolled down (back navigation, an anchor) is read from where the reader is
      const from = all.length > 400 && (doc.defaultView?.scrollY ?? 0) > 0 ? Math.max(0, firstVisible(all) - 20) : 0;
      const first = all.slice(from, from + 300);
      await scan(first);
      await resolve();
      await scan([...all.slice(0, from), ...all.slice(from + 300)]);
      await resolve();
    }),
    /** text added or changed under these roots: their old blocks are dropped and the new ones scanned */
    update: (roots: Node[]) => queue(async () => {
      const fresh: TextBlock[] = [];
      const live = roots.filter((r) => r.isConnected);
      blocks.forEach((b, i) => {
        if (b.text && live.some((root) => root.contains(b.element) || b.nodes.some((n) => root.contains(n)))) drop(i);
      });
      for (const root of live) fresh.push(...collect(root));
      await scan(fresh);
      await resolve();
    }),
    /** removed nodes drop their highlights */
    prune: () => queue(async () => {
      blocks.forEach((b, i) => { if (state.blocks[i]?.text && !b.nodes.every((n) => n.isConnected)) drop(i); });
      await resolve();
    }),
    mentions: () => mentions,
    atNode: (node: Node) => byNode.get(node) ?? [],
    ofRange: (r: Range) => byRange.get(r),
    idle: () => busy,
    summary(): PageSummary {
      const base: number[] = [];
      let text = '';
      for (const [i, b] of blocks.entries()) { base.push(text.length); text += (state.blocks[i]?.text ? b.text : '') + '\n'; }
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
    clear() { highlighter.clear(); byKey.clear(); byNode.clear(); byRange.clear(); mentions = []; },
  };
}

export type Page = ReturnType<typeof createPage>;
