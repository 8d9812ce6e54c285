// The benchmark of issue 6: `npm run bench [-- --runs N] [--corpus PATH] [--json]`.
// One ≥ 1 MiB news page (generated from the dictionary's labels, or from a corpus read at run time), served from
// 127.0.0.1, loaded afresh N times in headless Debian Chromium with the built extension and N times each in a second
// Chromium without it: (a) a bare TreeWalker pass, (b) our matching (the page's share, 'diplolens:match', plus the
// service worker's, 'diplolens:worker-match'), (c) plus deciding and highlighting ('diplolens:worker-resolve',
// 'diplolens:highlight'), (d) mark.js markRegExp with one alternation of every dictionary form, (e) mark.js mark()
// with 300 aliases; dictionary load (with the worker running, and with it stopped), JS heap growth and the longest
// main-thread tasks.
import { readFileSync, readdirSync, existsSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { generatePage, type CorpusDoc } from './lib/bench/page.ts';
import { mulberry32 } from './lib/random.ts';
import { loadFacts, labelPools, surfaceForms, alternation, pickAliases } from './lib/bench/forms.ts';
import { PRODUCT_LANGS } from './lib/bench/templates.ts';
import { servePage, launchBoth, workerHeap } from './lib/bench/browser.ts';
import { initProbe, walkProbe, ourProbe, markRegExpProbe, markArrayProbe, makeRangesProbe, mutateProbe, highlightFrameProbe, domChangeFrameProbe, type Task } from './lib/bench/probes.ts';
import { median, targets, table, fx, ms, type Result } from './lib/bench/report.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist/chrome');
const MARKJS = join(ROOT, 'node_modules/mark.js/dist/mark.min.js');

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const flag = (name: string) => args.includes(name);
const runs = Math.max(1, Number(opt('--runs') ?? 5));
const capMs = Number(opt('--markjs-cap-ms') ?? 20000);
const aliasCount = Number(opt('--aliases') ?? 300);
const acrossElements = flag('--markjs-across');
const asJson = flag('--json');
const log = (...a: unknown[]) => console.error('bench:', ...a);

function builtWithMeasures(dist: string): boolean {
  const dir = join(dist, 'assets');
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes('diplolens:match'));
}

async function main() {
  if (!builtWithMeasures(DIST)) throw new Error('dist/chrome is missing or older than the performance measures: run "npm run build" first');
  // a copy of the build, so that a rebuild during the run (others share the checkout) cannot change it midway
  const snapshot = mkdtempSync(join(tmpdir(), 'diplolens-bench-dist-'));
  cpSync(DIST, snapshot, { recursive: true });
  process.on('exit', () => rmSync(snapshot, { recursive: true, force: true }));
  const entities = loadFacts(join(ROOT, 'build/facts.json'));
  const corpusPath = opt('--corpus');
  const corpus = corpusPath ? (JSON.parse(readFileSync(resolve(corpusPath), 'utf8')) as CorpusDoc[]) : undefined;
  if (corpus && !Array.isArray(corpus)) throw new Error('--corpus: expected a JSON array of documents with "text" fields');
  const page = generatePage(corpus ? { corpus } : { pools: labelPools(entities, PRODUCT_LANGS) });
  const forms = surfaceForms(entities);
  const source = alternation(forms);
  const aliases = pickAliases(forms, page.vocabulary, aliasCount, mulberry32(7));
  log(`page: ${page.textChars} characters in ${page.textNodes} text nodes, ${(page.html.length / 1048576).toFixed(2)} MiB of HTML,`
    + ` ${page.splitCount} names cut by inline elements${corpus ? ` (corpus ${corpusPath})` : ''}; mark.js: ${forms.length} forms, ${aliases.length} aliases`);

  const served = await servePage(page.html);
  const url = `${served.origin}/bench.html`;
  const browsers = await launchBoth(snapshot);
  try {
    // a reader has another article open: its content script keeps the service worker (and the dictionary) alive
    const readerTab = await browsers.ext.newPage();
    await readerTab.goto(`${served.origin}/reader.html`);
    // warm-up (caches, the extension's service worker) and the check that our measures are visible from the page
    const first = await ours(browsers.ext, url);
    if (!first.match.length) throw new Error('no diplolens:match measure visible from the page');
    log(`the extension's performance.measure entries are visible from the page (${first.match.length} match slices, ${first.mentions} highlights)`);
    await plain(browsers.plain, url, walkProbe);

    const R = { walk: [] as number[], scan: [] as number[], hl: [] as number[], collect: [] as number[], load: [] as number[], heap: [] as number[],
      heapCdp: [] as number[], longest: [] as number[], longestAfterDcl: [] as number[], mentions: [] as number[], slices: [] as number[],
      regexp: [] as number[], regexpLongest: [] as number[], regexpMarks: [] as number[], array: [] as number[], arrayDone: [] as number[],
      arrayMarks: [] as number[], arrayLongest: [] as number[], pageScan: [] as number[], done: [] as number[], received: [] as number[], workerJs: [] as number[], workerBuffers: [] as number[], nodes: [] as number[], chars: [] as number[], plainHeap: [] as { js: number; blink: number }[], heapCdpExt: [] as { js: number; blink: number }[], hlSum: [] as number[], hlMeasures: [] as number[] };
    for (let i = 0; i < runs; i++) {
      const o = await ours(browsers.ext, url);
      const w = await plain(browsers.plain, url, walkProbe, true);
      const x = await plain(browsers.plain, url, markRegExpProbe, false, { source, flags: 'g', acrossElements }, true);
      const y = await plain(browsers.plain, url, markArrayProbe, false, { aliases, chunk: 5, capMs }, true);
      R.walk.push(w.result.ms); R.nodes.push(w.result.nodes); R.chars.push(w.result.chars); R.plainHeap.push(w.heapCdp!);
      R.scan.push(o.scanMs); R.hl.push(o.highlightMs); R.collect.push(o.collectMs); R.load.push(o.loadMs); R.received.push(o.readyReceivedMs); R.workerJs.push(o.workerHeap?.js ?? NaN); R.workerBuffers.push(o.workerHeap?.buffers ?? NaN); R.pageScan.push(o.pageScanMs); R.done.push(o.doneMs); R.heap.push(o.heapDeltaMB);
      R.heapCdpExt.push(o.heapCdp); R.hlSum.push(o.highlightSumMs); R.hlMeasures.push(o.highlightMeasures); R.longest.push(o.longestMs); R.longestAfterDcl.push(o.longestAfterDclMs); R.mentions.push(o.mentions); R.slices.push(o.match.length);
      R.regexp.push(x.result.ms); R.regexpMarks.push(x.result.marks);
      R.regexpLongest.push(Math.max(0, ...x.tasks.filter((t) => t.start < x.result.end && t.start + t.duration > x.result.start).map((t) => t.duration)));
      R.array.push(y.result.ms); R.arrayDone.push(y.result.done); R.arrayMarks.push(y.result.marks); R.arrayLongest.push(y.result.longestChunk);
      log(`run ${i + 1}/${runs}: walk ${ms(w.result.ms)}, scan ${ms(o.scanMs)}, highlight ${ms(o.highlightMs)}, mark.js regex ${ms(x.result.ms)},`
        + ` mark.js array ${ms(y.result.ms)} (${y.result.done} aliases), longest task ${ms(o.longestMs)}, heap +${fx(o.heapDeltaMB)} MB`);
    }
    // the first page of a browser session (or after the browser stopped the idle worker): the worker loads first
    const cold: Awaited<ReturnType<typeof ours>>[] = [];
    await readerTab.close();
    for (let i = 0; i < Math.min(runs, 3); i++) {
      await stopWorker(browsers.ext);
      cold.push(await ours(browsers.ext, url));
      log(`worker stopped ${i + 1}: the page waited ${ms(cold[i].loadMs)}, the worker loaded in ${ms(cold[i].worker?.totalMs ?? NaN)}`);
    }
    const coldPart = (k: 'readMs' | 'inflateMs' | 'decodeMs' | 'totalMs') => median(cold.map((c) => c.worker?.[k] ?? NaN));
    const mentions = median(R.mentions);
    const ranges = await rangeMemory(browsers.plain, url, Math.round(mentions));
    const vsPlain = (k: 'js' | 'blink') => median(R.heapCdpExt.map((h, i) => h[k] - R.plainHeap[i][k]));

    const result: Result = {
      walkMs: r1(median(R.walk)), scanMs: r1(median(R.scan)), highlightMs: r1(median(R.hl)), markjsRegExpMs: r1(median(R.regexp)),
      markjsArrayMs: r1(median(R.array)), markjsArrayAliases: Math.min(...R.arrayDone), dictionaryLoadMs: r1(median(R.load)),
      heapDeltaMB: r1(median(R.heap)), longestTaskMs: r1(median(R.longest)), markjsLongestTaskMs: r1(median(R.regexpLongest)),
      textChars: median(R.chars), textNodes: median(R.nodes), mentions,
    };
    const arrayCapped = result.markjsArrayAliases < aliases.length;
    const arrayPer300 = median(R.array.map((t, i) => (t / R.arrayDone[i]) * aliases.length));
    const rows = [
      ['measure (median of ' + runs + ' fresh loads)', 'figure', 'note'],
      ['(a) TreeWalker over every text node', ms(result.walkMs), `${result.textNodes} text nodes, ${result.textChars} characters`],
      ['(b) our scan: page share + worker matching', ms(result.scanMs), `page ${ms(median(R.pageScan))} in ${median(R.slices)} slices, the rest in the service worker; ${fx(result.scanMs / result.walkMs)} × walk`],
      ['    our text collection (not in (b))', ms(median(R.collect)), "'diplolens:collect' where the build has it"],
      ['(c) scan + highlight', ms(result.scanMs + result.highlightMs), `deciding (worker) and highlighting ${ms(result.highlightMs)} (${median(R.hlMeasures)} measures; naive sum ${ms(median(R.hlSum))}); ${result.mentions} ranges`],
      ['    wall-clock, reading starts → all highlighted', ms(median(R.done)), 'dictionary wait, text collection, matching and highlighting, with the page\'s own work between slices'],
      ['(d) mark.js markRegExp, one alternation', ms(result.markjsRegExpMs), `${forms.length} forms, longest first, flags g${acrossElements ? ', acrossElements' : ''}; ${median(R.regexpMarks)} marks`],
      ['(e) mark.js mark(), array of aliases', ms(result.markjsArrayMs), `${result.markjsArrayAliases}/${aliases.length} aliases${arrayCapped ? ` (capped at ${capMs / 1000} s; ≈ ${ms(arrayPer300)} for all)` : ''}, default options; ${median(R.arrayMarks)} marks`],
      ['dictionary load, worker running', ms(result.dictionaryLoadMs), "'diplolens:load-dictionary': the page's wait for the worker's matcher; another article open in a tab keeps the worker alive"],
      ['    the page read that answer after', ms(median(R.received)), "'diplolens:ready-received': the answer waits while the page's thread does the page's own work (its first layout)"],
      ['dictionary load, worker stopped', ms(median(cold.map((c) => c.loadMs))), `first page of a session, or after the browser stopped the idle worker (median of ${cold.length}): worker start + its load`],
      ['    of which the worker\'s own load', ms(coldPart('totalMs')), "'diplolens:worker-load': read the file, inflate, decode, createMatcher (the page's thread is free)"],
      ['    reading the file', ms(coldPart('readMs')), "fetch from the extension's package"],
      ['    inflating', ms(coldPart('inflateMs')), 'DecompressionStream, straight into the index\'s two regions'],
      ['    decoding (parse)', ms(coldPart('decodeMs')), 'views, JSON sections, entity and entry columns, the matcher'],
      ['JS heap growth, content script', `${fx(result.heapDeltaMB)} MB`, 'after GC: DOMContentLoaded → highlights done (MiB); the dictionary itself is in the worker, once'],
      ['service worker heap, this page open', `${fx(median(R.workerJs) + median(R.workerBuffers))} MB`, `JS ${fx(median(R.workerJs))} MB + array buffers ${fx(median(R.workerBuffers))} MB (the index's arrays): the dictionary once for every tab, and this page's reading`],
      ['JS heap vs page without extension', `${fx(vsPlain('js'))} MB`, 'CDP Runtime.getHeapUsage after GC, highlights done'],
      ['Blink heap vs page without extension', `${fx(vsPlain('blink'))} MB`, 'CDP embedderHeapUsedSize (Oilpan: Ranges, Highlights, our UI) after GC'],
      ['Blink Ranges alone, same count', `${fx(ranges.blinkMB)} MB`, `${fx((ranges.blinkMB * MB) / ranges.n, 0)} B per Range + ${fx((ranges.jsMB * MB) / ranges.n, 0)} B JS; 2000 DOM inserts ${ms(ranges.mutateBefore)} → ${ms(ranges.mutateAfter)} with them live`],
      ['our longest task (scan window)', ms(result.longestTaskMs), `longest after DOMContentLoaded (incl. content-script injection, page layout) ${ms(median(R.longestAfterDcl))}`],
      ['Blink: a frame after one highlight change', ms(ranges.frame.frameMs), `with ${ranges.n} ranges registered, no extension (its long task ${ms(ranges.frame.longest)}): the browser re-lays every range on any change`],
      ['Blink: a frame after a DOM change', ms(ranges.domFrame.frameMs), `one element appended by the page, no highlight touched, ${ranges.n} ranges registered (${ms(ranges.domFrame.withoutRangesMs)} without them): every DOM change rebuilds every range's markers`],
      ['mark.js regex longest task', ms(result.markjsLongestTaskMs), `mark.js array: longest chunk of 5 aliases ${ms(median(R.arrayLongest))}`],
    ];
    const ratios = [
      ['ratio', 'figure'],
      ['scan / walk', fx(result.scanMs / result.walkMs)],
      ['(scan + collection) / walk', fx((result.scanMs + median(R.collect)) / result.walkMs)],
      ['(scan + highlight) / walk', fx((result.scanMs + result.highlightMs) / result.walkMs)],
      ['(scan + highlight) / mark.js regex', fx((result.scanMs + result.highlightMs) / result.markjsRegExpMs)],
      ['(scan + highlight) / mark.js array', fx((result.scanMs + result.highlightMs) / (arrayCapped ? arrayPer300 : result.markjsArrayMs))],
      ['our longest task / mark.js longest task', fx(result.longestTaskMs / result.markjsLongestTaskMs)],
    ];
    const tg = targets(result);
    console.log(`DiploLens benchmark: ${corpus ? `corpus ${corpusPath}` : 'generated page'}, Chromium ${browsers.version}, ${runs} runs;`
      + ` ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (figures are wall-clock: a busy machine inflates them)\n`);
    console.log(table(rows) + '\n');
    console.log(table(ratios) + '\n');
    console.log(table([['target', 'figure', 'limit', ''], ...tg.map((t) => [t.name, t.figure, t.limit, t.pass ? 'pass' : 'FAIL'])]));
    if (asJson) console.log(JSON.stringify(result));
  } finally {
    await browsers.close();
    await served.close();
  }
}

// tsx compiles with keepNames: serialized functions call __name, which the page must have
const KEEP_NAMES = 'globalThis.__name = (f) => f;';
const r1 = (x: number) => Math.round(x * 10) / 10;
const sum = (list: Interval[]) => list.reduce((t, m) => t + m.duration, 0);

/** Stops the extension's service worker, as the browser does after 30 s without events (CDP Target.closeTarget). */
async function stopWorker(ctx: BrowserContext) {
  const page = await ctx.newPage();
  try {
    const cdp = await ctx.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    for (const t of targetInfos) if (t.type === 'service_worker' && t.url.startsWith('chrome-extension://')) await cdp.send('Target.closeTarget', { targetId: t.targetId });
    await cdp.detach();
    await page.waitForTimeout(500);
  } finally {
    await page.close();
  }
}
const MB = 1048576;

/** The renderer's heaps after a full GC (CDP Runtime.getHeapUsage): V8's JS heap (all worlds: the page's and the
 *  content script's isolated world) and the embedder heap, Blink's Oilpan objects (DOM nodes, Ranges, Highlights). */
async function heapCdp(ctx: BrowserContext, page: Page) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  await cdp.detach();
  return { js: u.usedSize / MB, blink: (u.embedderHeapUsedSize ?? NaN) / MB };
}

type Interval = { start: number; duration: number };
/** Total time covered by intervals, overlaps counted once (measures may nest or repeat a start). */
function covered(list: Interval[], minus: Interval[] = []): number {
  const a = list.map((m) => [m.start, m.start + m.duration]).sort((x, y) => x[0] - y[0]);
  const merged: number[][] = [];
  for (const [s, e] of a) { const last = merged[merged.length - 1]; if (last && s <= last[1]) last[1] = Math.max(last[1], e); else merged.push([s, e]); }
  let total = 0;
  for (const [s, e] of merged) {
    total += e - s;
    for (const m of minus) total -= Math.max(0, Math.min(e, m.start + m.duration) - Math.max(s, m.start));
  }
  return total;
}

/** Waits until the extension has finished: a highlight measure exists and no diplolens measure came for `quietMs`. */
async function settled(page: Page, quietMs = 1000, timeoutMs = 90000) {
  const t0 = Date.now();
  let last = -1, since = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    const [n, hl] = await page.evaluate(() => {
      const all = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('diplolens:'));
      return [all.length, all.filter((e) => e.name === 'diplolens:highlight').length];
    });
    if (n !== last) { last = n; since = Date.now(); } else if (hl > 0 && Date.now() - since >= quietMs) return true;
    await page.waitForTimeout(100);
  }
  return false;
}

/** A fresh load with the extension: waits for the highlight measure, then reads everything. */
async function ours(ctx: BrowserContext, url: string) {
  const page = await ctx.newPage();
  try {
    await page.addInitScript({ content: KEEP_NAMES });
    await page.addInitScript(initProbe, true);
    await page.goto(url, { waitUntil: 'load', timeout: 120000 });
    if (!(await settled(page))) {
      const n = await page.evaluate(() => { let k = 0; for (const [name, h] of (CSS as any).highlights) if (String(name).startsWith('diplolens')) k += h.size; return k; });
      throw new Error(n
        ? `the extension highlighted ${n} ranges but no 'diplolens:highlight' measure is visible from the page: its measures need reading another way (CDP)`
        : 'the extension made no highlight and no measure within 90 s: is it enabled on 127.0.0.1 and built (npm run build)?');
    }
    const p = await page.evaluate(ourProbe);
    const heap = await heapCdp(ctx, page);
    // the worker holds the dictionary (once for all pages) and this page's reading while it is open
    const worker = await workerHeap(ctx).catch(() => null);
    const end = (m: Interval) => m.start + m.duration;
    const load = p.load[0];
    const all = [...p.match, ...p.highlight, ...p.resolve, ...p.collect];
    const from = load?.start ?? Math.min(...all.map((m) => m.start));
    const to = Math.max(...all.map(end));
    const longest = (ts: Task[]) => Math.max(0, ...ts.map((t) => t.duration));
    if (p.heapBeforeAt !== null && load && p.heapBeforeAt > load.start) log('warning: the heap sample at DOMContentLoaded came after the content script started');
    return {
      match: p.match, mentions: p.mentions, highlightMeasures: p.highlight.length,
      // matching: what the page spends sending its text, plus the worker's own matching time
      scanMs: covered(p.match) + sum(p.workerMatch),
      pageScanMs: covered(p.match),
      // deciding (the worker) and highlighting (the page), not counting matching twice
      highlightMs: covered([...p.highlight, ...p.resolve], p.match) + sum(p.workerResolve),
      doneMs: to - from,
      highlightSumMs: p.highlight.reduce((t, m) => t + m.duration, 0),
      loadMs: load?.duration ?? NaN,
      readyReceivedMs: p.readyReceived[0]?.duration ?? NaN,
      worker: p.workerLoad[0] ?? null,
      collectMs: p.collect.length ? covered(p.collect) : load ? p.match[0].start - end(load) : NaN,
      heapDeltaMB: p.heapBefore !== null && p.heapAfter !== null ? (p.heapAfter - p.heapBefore) / MB : NaN,
      heapCdp: heap, workerHeap: worker,
      longestMs: longest(p.longtasks.filter((t) => t.start < to && t.start + t.duration > from)),
      longestAfterDclMs: longest(p.longtasks.filter((t) => p.heapBeforeAt === null || t.start + t.duration > p.heapBeforeAt)),
    };
  } finally {
    await page.close();
  }
}

/** Blink's memory for as many live Ranges as we highlight, in a page without the extension, and what they cost DOM mutations. */
async function rangeMemory(ctx: BrowserContext, url: string, n: number) {
  const page = await ctx.newPage();
  try {
    await page.addInitScript({ content: KEEP_NAMES });
    await page.goto(url, { waitUntil: 'load', timeout: 120000 });
    await page.evaluate(mutateProbe);
    const mutateBefore = median([await page.evaluate(mutateProbe), await page.evaluate(mutateProbe), await page.evaluate(mutateProbe)]);
    const h0 = await heapCdp(ctx, page);
    const made = await page.evaluate(makeRangesProbe, n);
    const h1 = await heapCdp(ctx, page);
    const mutateAfter = median([await page.evaluate(mutateProbe), await page.evaluate(mutateProbe), await page.evaluate(mutateProbe)]);
    const frame = await page.evaluate(highlightFrameProbe);
    const domFrame = await page.evaluate(domChangeFrameProbe);
    return { n: made, blinkMB: h1.blink - h0.blink, jsMB: h1.js - h0.js, mutateBefore, mutateAfter, frame, domFrame };
  } finally {
    await page.close();
  }
}

/** A fresh load without the extension, then one probe (with mark.js injected where asked). */
async function plain<A, T>(ctx: BrowserContext, url: string, probe: (arg: A) => T | Promise<T>, withHeap = false, arg?: A, markjs = false) {
  const page = await ctx.newPage();
  try {
    await page.addInitScript({ content: KEEP_NAMES });
    await page.addInitScript(initProbe, false);
    await page.goto(url, { waitUntil: 'load', timeout: 120000 });
    await page.waitForTimeout(200);
    if (markjs) await page.addScriptTag({ path: MARKJS });
    const result = (await page.evaluate(probe as (a: unknown) => unknown, arg as unknown)) as Awaited<T>;
    await page.waitForTimeout(300);
    const tasks = (await page.evaluate(() => (window as any).__bench.longtasks)) as Task[];
    const heap = withHeap ? await heapCdp(ctx, page) : null;
    return { result, tasks, heapCdp: heap };
  } finally {
    await page.close();
  }
}

main().catch((err) => { console.error(`bench: ${err instanceof Error ? err.message : err}`); process.exit(1); });
