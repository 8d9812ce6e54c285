// One page's reading: its text blocks, the mentions and their ranges. The text goes to the service worker, which
// matches it (see reader.ts); here the page is read and painted in slices that yield to it (no long tasks). Work is
// proportional to new text, and the part of the page on screen is read first.
import type { MentionOut, PageSummary } from '../core/contracts.ts';
import type { EntityType } from '../core/dictionary/index-format.ts';
import { collectBlocks, collectSliced, nodeIndexAt, blockText, type TextBlock } from './collect.ts';
import type { Highlighter } from './highlight.ts';
import { openReader, type PageMentionData } from './reader.ts';

/** A mention on the page. Highlights hold a StaticRange: live Ranges cost memory and slow down every DOM change
 *  of the page (the browser updates each one); a live Range is made only when one is needed (hover, keyboard). */
export class PageMention {
  private live: Range | null = null;
  constructor(readonly mention: PageMentionData, readonly block: TextBlock, readonly staticRange: StaticRange) {}
  /** the mention's text as the page shows it (mentions on the page carry none of their own: memory) */
  get text(): string { return this.range.toString(); }
  get range(): Range {
    if (!this.live) {
      const r = this.staticRange;
      this.live = this.block.element.ownerDocument!.createRange();
      this.live.setStart(r.startContainer, r.startOffset);
      this.live.setEnd(r.endContainer, r.endOffset);
    }
    return this.live;
  }
}

const sameMention = (a: PageMentionData, b: PageMentionData) => a.start === b.start && a.end === b.end && a.entity.id === b.entity.id;

const SLICE_MS = 8;
// text per message to the worker, and per task: one message of 1 MB cost the page 3-8 times as much per character
// as 16 of 64 K characters, and a yield after each message lets the browser pass it on before the next: the page's
// share of a 1 MB scan fell from 110-140 to 44-62 ms (npm run bench, Chromium 156, this 2-core machine)
const MESSAGE_CHARS = 32 * 1024;
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

export function createPage(doc: Document, highlighter: Highlighter, opts: {
  lang: string; date: string | null; langs: string[]; enabledTypes: () => Record<EntityType, boolean>; onShadowRoot?: (root: ShadowRoot) => void;
}) {
  const blocks: TextBlock[] = [];
  /** blocks whose text changed or left the page */
  const dropped: boolean[] = [];
  const reader = openReader({ lang: opts.lang, date: opts.date, langs: opts.langs },
    (n) => blocks.slice(0, n).map((b, i) => ({ text: dropped[i] ? null : blockText(b), lang: b.lang })));
  /** each block's highlighted mentions, in text order */
  let shown: (PageMention[] | undefined)[] = [];
  let all: PageMention[] | null = null;
  const byRange = new Map<AbstractRange, PageMention>();
  /** the blocks read from each block element (an element interrupted by a nested block gives several) */
  const blocksOf = new Map<Element, number[]>();
  /** blocks [0, indexed) are in blocksOf: it is filled on the first hover, not while the page is being read */
  let indexed = 0;
  const blocksAt = (el: Element) => {
    for (; indexed < blocks.length; indexed++) {
      const e = blocks[indexed].element;
      (blocksOf.get(e) ?? blocksOf.set(e, []).get(e)!).push(indexed);
    }
    return blocksOf.get(el);
  };
  let busy: Promise<void> = Promise.resolve();
  const collect = (root: Node) => collectBlocks(root, opts.onShadowRoot);
  const mentionsNow = () => (all ??= shown.flatMap((list) => list ?? []));

  /** Applies the blocks whose mentions changed (all blocks: `everything`), in slices; what stayed keeps its range. */
  async function resolve(everything = false) {
    const changes = await reader.resolve(everything);
    // the answer was read and checked in the task that received it; highlighting starts in a task of its own
    await pause();
    const types = opts.enabledTypes();
    let sliceStart = now();
    for (const [i, list] of changes) {
      const block = blocks[i];
      const old = shown[i] ?? [];
      const next: PageMention[] = [];
      let connected: boolean | undefined;
      for (const mention of list) {
        if (!block || !types[mention.entity.type]) continue;
        if (old.length) {
          const k = old.findIndex((pm) => sameMention(pm.mention, mention));
          if (k >= 0) { next.push(old[k]); old.splice(k, 1); continue; }
        }
        if (!(connected ??= block.nodes.every((n) => n.isConnected))) break;
        const a = nodeIndexAt(block, mention.start), z = nodeIndexAt(block, mention.end, true);
        const sn = block.nodes[a], en = block.nodes[z];
        const pm = new PageMention(mention, block, new StaticRange({
          startContainer: sn, startOffset: Math.min(mention.start - block.offsets[a], sn.length),
          endContainer: en, endOffset: Math.min(mention.end - block.offsets[z], en.length),
        }));
        byRange.set(pm.staticRange, pm);
        next.push(pm);
        highlighter.addRange(pm.staticRange, mention.entity.type);
      }
      if (old.length) {
        highlighter.remove(old.map((pm) => pm.staticRange));
        for (const pm of old) byRange.delete(pm.staticRange);
      }
      shown[i] = next.length ? next : undefined;
      all = null;
      if (now() - sliceStart > SLICE_MS) {
        // the benchmark (npm run bench) adds up these measures: matching only, then resolving and highlighting
        performance.measure('diplolens:highlight', { start: sliceStart, end: now() });
        await pause();
        sliceStart = now();
      }
    }
    performance.measure('diplolens:highlight', { start: sliceStart, end: now() });
  }

  /** Sends new blocks to the worker in slices of a few milliseconds (it tells the language of a block without one). */
  async function scan(newBlocks: TextBlock[]) {
    let i = 0;
    while (i < newBlocks.length) {
      const t0 = now();
      const batch: { text: string; lang: string | null }[] = [];
      let chars = 0;
      while (i < newBlocks.length && now() - t0 < SLICE_MS) {
        const b = newBlocks[i++];
        blocks.push(b);
        batch.push({ text: b.text, lang: b.lang });
        chars += b.text.length;
        // the worker keeps what it needs; the page's copy of the text is let go (blockText gives it back)
        b.text = '';
        // one message per task at most: the browser's copying of it is the task's biggest cost
        if (chars >= MESSAGE_CHARS) break;
      }
      reader.add(batch);
      // the benchmark (npm run bench) adds these to the worker's own matching time ('diplolens:worker-match')
      performance.measure('diplolens:match', { start: t0, end: now() });
      if (i < newBlocks.length) await pause();
    }
  }

  // one thing at a time; a failure (the worker has no dictionary) is logged and does not stop what comes next
  const queue = (fn: () => Promise<void> | void) => (busy = busy.then(fn).catch((err) => console.debug('DiploLens: reading failed', err)));

  const dropAll = (list: number[]) => { for (const i of list) dropped[i] = true; reader.drop(list); };

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
      const gone: number[] = [];
      blocks.forEach((b, i) => {
        if (!dropped[i] && live.some((root) => root.contains(b.element) || b.nodes.some((n) => root.contains(n)))) gone.push(i);
      });
      dropAll(gone);
      for (const root of live) fresh.push(...collect(root));
      await scan(fresh);
      await resolve();
    }),
    /** removed nodes drop their highlights */
    prune: () => queue(async () => {
      const gone: number[] = [];
      blocks.forEach((b, i) => { if (!dropped[i] && !b.nodes.every((n) => n.isConnected)) gone.push(i); });
      dropAll(gone);
      await resolve();
    }),
    mentions: () => mentionsNow(),
    /** the mentions over a text node: its block is found from the nearest block element above it */
    atNode(node: Node): PageMention[] {
      for (let el = node.parentElement; el; el = el.parentElement) {
        const list = blocksAt(el);
        if (!list) continue;
        for (const i of list) {
          const k = blocks[i].nodes.indexOf(node as Text);
          if (k < 0) continue;
          return (shown[i] ?? []).filter((pm) => nodeIndexAt(blocks[i], pm.mention.start) <= k && k <= nodeIndexAt(blocks[i], pm.mention.end, true));
        }
        return [];
      }
      return [];
    },
    ofRange: (r: Range) => byRange.get(r),
    idle: () => busy,
    async summary(): Promise<PageSummary> {
      const base: number[] = [];
      let text = '';
      for (const [i, b] of blocks.entries()) { base.push(text.length); text += (dropped[i] ? '' : blockText(b)) + '\n'; }
      const outs: MentionOut[] = mentionsNow().map(({ mention: m }) => ({
        start: base[m.block] + m.start, end: base[m.block] + m.end, text: text.slice(base[m.block] + m.start, base[m.block] + m.end),
        entity: { id: m.entity.id, name: m.entity.name, type: m.entity.type },
      }));
      return {
        url: location.href, title: doc.title, lang: opts.lang, date: opts.date,
        mentions: outs,
        // the worker knows the places and who held which office on the page's date
        meetings: outs.length ? await reader.meetings(text, outs) : [],
      };
    },
    rescan: () => queue(() => resolve(true)),
    clear() { highlighter.clear(); byRange.clear(); shown = []; all = null; reader.close(); },
  };
}

export type Page = ReturnType<typeof createPage>;
