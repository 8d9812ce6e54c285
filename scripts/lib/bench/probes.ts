// What runs inside the benchmark page (serialized by playwright): the long-task observer, the heap sample before the
// content script, the TreeWalker floor, mark.js runs and the readout of the extension's measures.
/* eslint-disable @typescript-eslint/no-explicit-any */

export interface Task { start: number; duration: number }
export interface Measure { start: number; duration: number }

/** Installed with page.addInitScript, before the page's own parsing: long tasks, and (with the extension) the JS heap
 *  after a full GC at DOMContentLoaded, before the content script reads the page (it is injected at document_start
 *  but waits for DOMContentLoaded; its own code, loaded before, is not counted here: see the CDP heap figure). */
export function initProbe(sampleHeap: boolean) {
  const b: any = ((window as any).__bench = { longtasks: [] as Task[], heapBefore: null, heapBeforeAt: null });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch { b.noLongtask = true; }
  if (sampleHeap) document.addEventListener('DOMContentLoaded', () => {
    (globalThis as any).gc?.();
    b.heapBefore = (performance as any).memory?.usedJSHeapSize ?? null;
    b.heapBeforeAt = performance.now();
  });
}

/** (a) the floor: one TreeWalker pass reading every text node's data. */
export function walkProbe() {
  const t0 = performance.now();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let nodes = 0, chars = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) { nodes++; chars += (n as Text).data.length; }
  return { ms: performance.now() - t0, nodes, chars };
}

/** The extension's measures (visible from the page: content scripts share the document's performance timeline). */
export function ourProbe() {
  const get = (name: string) => performance.getEntriesByName(name, 'measure').map((e) => ({ start: e.startTime, duration: e.duration }));
  let mentions = 0;
  for (const [name, h] of (CSS as any).highlights as Map<string, Set<Range>>) if (name.startsWith('diplolens') && name !== 'diplolens-flash') mentions += h.size;
  const b = (window as any).__bench;
  (globalThis as any).gc?.();
  return {
    match: get('diplolens:match'), highlight: get('diplolens:highlight'), load: get('diplolens:load-dictionary'),
    resolve: get('diplolens:resolve'), collect: get('diplolens:collect'),
    // the service worker's own work, reported back to the page: matching, deciding, and loading the dictionary
    readyReceived: get('diplolens:ready-received'), workerMatch: get('diplolens:worker-match'), workerResolve: get('diplolens:worker-resolve'),
    workerLoad: performance.getEntriesByName('diplolens:worker-load', 'measure').map((e) => (e as PerformanceMeasure).detail as { readMs: number; inflateMs: number; decodeMs: number; totalMs: number }),
    longtasks: b.longtasks as Task[], heapBefore: b.heapBefore as number | null, heapBeforeAt: b.heapBeforeAt as number | null,
    heapAfter: ((performance as any).memory?.usedJSHeapSize ?? null) as number | null, mentions,
  };
}

/** (d) mark.js markRegExp with one alternation: synchronous; `done` is called before it returns. */
export function markRegExpProbe(arg: { source: string; flags: string; acrossElements: boolean }) {
  const Mark = (window as any).Mark;
  const t0 = performance.now();
  let marks = 0;
  let t1 = 0;
  new Mark(document.body).markRegExp(new RegExp(arg.source, arg.flags), {
    acrossElements: arg.acrossElements, each: () => { marks++; }, done: () => { t1 = performance.now(); },
  });
  if (!t1) t1 = performance.now();
  return { ms: t1 - t0, marks, start: t0, end: t1 };
}

/** (e) mark.js mark() with an array of aliases, default options, in chunks so that a time cap can stop it. */
export async function markArrayProbe(arg: { aliases: string[]; chunk: number; capMs: number }) {
  const Mark = (window as any).Mark;
  const inst = new Mark(document.body);
  let ms = 0, done = 0, marks = 0, longestChunk = 0;
  while (done < arg.aliases.length && ms < arg.capMs) {
    const part = arg.aliases.slice(done, done + arg.chunk);
    const t0 = performance.now();
    inst.mark(part, { each: () => { marks++; } });
    const d = performance.now() - t0;
    ms += d;
    longestChunk = Math.max(longestChunk, d);
    done += part.length;
    await new Promise((r) => setTimeout(r, 0));
  }
  return { ms, done, marks, longestChunk };
}

/** N live Ranges over the page's text, held by a registered Highlight as ours are (their memory is read by CDP). */
export function makeRangesProbe(n: number) {
  const texts: Text[] = [];
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = w.nextNode(); t; t = w.nextNode()) if ((t as Text).data.length > 4) texts.push(t as Text);
  const hl = new Highlight();
  for (let i = 0; i < n; i++) {
    const t = texts[(i * 7) % texts.length];
    const r = document.createRange();
    r.setStart(t, 0);
    r.setEnd(t, Math.min(4, t.data.length));
    hl.add(r);
  }
  (CSS as any).highlights.set('bench-ranges', hl);
  return hl.size;
}

/** The cost of DOM mutations: 2000 inserts and one removal (Blink updates every live Range on a mutation). */
export function mutateProbe() {
  const host = document.createElement('div');
  document.body.append(host);
  const t0 = performance.now();
  for (let i = 0; i < 2000; i++) host.append(document.createElement('span'));
  host.remove();
  return performance.now() - t0;
}

/** Blink's cost of one highlight change once N ranges are registered (run after makeRangesProbe): the browser
 *  re-lays every registered range's markers on the next frame, whichever Highlight changed. */
export async function highlightFrameProbe(): Promise<{ frameMs: number; longest: number }> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  await frame();
  const seen: number[] = [];
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) seen.push(e.duration); });
  try { obs.observe({ type: 'longtask' }); } catch { /* no long-task timing */ }
  const t = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT).nextNode() as Text;
  const one = new Highlight(new StaticRange({ startContainer: t, startOffset: 0, endContainer: t, endOffset: Math.min(1, t.data.length) }));
  const t0 = performance.now();
  (CSS as any).highlights.set('bench-one-more', one);
  await frame();
  const frameMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 200));
  obs.disconnect();
  return { frameMs, longest: Math.max(0, ...seen) };
}

/** Blink's cost of a plain DOM change once N ranges are registered (run after makeRangesProbe): one element appended,
 *  no highlight touched; the browser rebuilds the markers of every registered range on the next frame. */
export async function domChangeFrameProbe(): Promise<{ frameMs: number; withoutRangesMs: number }> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const appendOne = async () => {
    await frame();
    const t0 = performance.now();
    const s = document.createElement('span');
    s.textContent = 'x';
    document.body.append(s);
    await frame();
    const ms = performance.now() - t0;
    s.remove();
    return ms;
  };
  const times: number[] = [];
  for (let i = 0; i < 3; i++) times.push(await appendOne());
  // the same with the ranges taken away: what the frame costs without them
  const saved = new Map((CSS as any).highlights as Map<string, unknown>);
  (CSS as any).highlights.clear();
  const bare: number[] = [];
  for (let i = 0; i < 3; i++) bare.push(await appendOne());
  for (const [k, v] of saved) (CSS as any).highlights.set(k, v);
  const mid = (a: number[]) => [...a].sort((x, y) => x - y)[1];
  return { frameMs: mid(times), withoutRangesMs: mid(bare) };
}
