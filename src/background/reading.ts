// Matching for the pages, in the service worker: the dictionary is loaded once per worker life (not once per page,
// as a content script would), and each page's reading (its document state) lives here while its port is open.
// The page's thread only reads its text and paints what comes back. Page text stays inside the extension.
import browser from 'webextension-polyfill';
import { addBlocks, createMatcher, dropBlock, resolveChanges, startDocument, withUserIndex, type DocumentState, type Matcher, type Mention } from '../core/match.ts';
import type { IndexEntity } from '../core/dictionary/index-format.ts';
import { extractMeetings } from '../core/meetings.ts';
import { meetingOptions } from '../core/scan.ts';
import { detectLang } from '../core/language.ts';
import { parseToWorker, READING_PORT, type FromWorker, type ToWorker, type WorkerLoad } from '../shared/reading-port.ts';
import { loadIndexInWorker } from './load-index.ts';
import { readUserIndex } from './user-index.ts';

let base: Promise<{ matcher: Matcher; load: WorkerLoad }> | null = null;
/** the matcher with the user's entries and languages, kept for the combination last asked for */
let joined: { key: string; matcher: Matcher } | null = null;

/** The bundled matcher, loaded once per worker life (a failed load is tried again next time). */
const loadBase = () => (base ??= (async () => {
  const t0 = performance.now();
  const { index, load } = await loadIndexInWorker();
  const t1 = performance.now();
  const matcher = createMatcher(index);
  const now = performance.now();
  return { matcher, load: { ...load, decodeMs: load.decodeMs + now - t1, totalMs: now - t0, doneAt: performance.timeOrigin + now } };
})().catch((err) => { base = null; throw err; }));

/** The matcher for a reading, and how the dictionary was loaded. */
async function matcherFor(langs: string[]): Promise<{ matcher: Matcher; load: WorkerLoad }> {
  const b = await loadBase();
  const user = await readUserIndex();
  const key = `${user.key}\n${langs.join()}`;
  if (joined?.key !== key) joined = { key, matcher: withUserIndex(b.matcher, user.index, langs) };
  return { matcher: joined.matcher, load: b.load };
}

interface Reading {
  matcher: Matcher | null;
  doc: DocumentState | null;
  /** the matcher's entities already sent on this port */
  sent: Set<number>;
  /** blocks received and not matched yet */
  waiting: { text: string; lang: string }[];
  matchMs: number;
}

/** Matches the blocks that came since the last question. Matching waits for a question (not each message) so that
 *  it does not compete with the page for the CPU while the page is still sending its text. */
function matchWaiting(r: Reading): void {
  if (!r.waiting.length) return;
  const t0 = performance.now();
  const blocks = r.waiting;
  r.waiting = [];
  // a block without a language of its own (no lang attribute) is told by its script and letters
  for (const b of blocks) if (!b.lang) b.lang = detectLang(b.text) || r.doc!.options.lang || 'en';
  addBlocks(r.matcher!, r.doc!, blocks);
  r.matchMs += performance.now() - t0;
}

const entityIndexes = new WeakMap<Matcher, Map<IndexEntity, number>>();

/** Each changed block's mentions as numbers, and the entities the page has not been told of yet. */
function flatten(r: Reading, changes: Map<number, Mention[]>) {
  const m0 = r.matcher!;
  let indexOf = entityIndexes.get(m0);
  if (!indexOf) entityIndexes.set(m0, (indexOf = new Map(m0.data.entities.map((e, i) => [e, i]))));
  const out: [number, number[]][] = [];
  const entities: Extract<FromWorker, { op: 'resolved' }>['entities'] = [];
  for (const [block, list] of changes) {
    const flat: number[] = [];
    for (const m of list) {
      const e = indexOf.get(m.entity)!;
      if (!r.sent.has(e)) { r.sent.add(e); entities.push([e, m.entity.id, m.entity.name, m.entity.type]); }
      flat.push(m.start, m.end, e, m.approximate ? 1 : 0);
    }
    out.push([block, flat]);
  }
  return { changes: out, entities };
}

async function handle(port: browser.Runtime.Port, r: Reading, msg: ToWorker): Promise<void> {
  const post = (m: FromWorker) => port.postMessage(m);
  switch (msg.op) {
    case 'open': {
      try {
        const { matcher, load } = await matcherFor(msg.langs);
        r.matcher = matcher;
        r.doc = startDocument({ lang: msg.lang, date: msg.date ?? undefined, mentionText: false });
        post({ op: 'ready', at: performance.timeOrigin + performance.now(), load });
      } catch (err) {
        post({ op: 'ready', at: performance.timeOrigin + performance.now(), load: null, error: String(err instanceof Error ? err.message : err).slice(0, 500) });
      }
      return;
    }
    case 'ping': return;
  }
  if (!r.matcher || !r.doc) return;
  if (msg.op === 'add') {
    for (let i = 0; i < msg.texts.length; i++) r.waiting.push({ text: msg.texts[i], lang: msg.langs[i] });
    return;
  }
  matchWaiting(r);
  const t0 = performance.now();
  switch (msg.op) {
    case 'drop':
      for (const i of msg.blocks) dropBlock(r.doc, i);
      return;
    case 'resolve': {
      const changes = resolveChanges(r.matcher, r.doc);
      if (msg.everything) r.doc.current!.forEach((list, i) => { if (list && !changes.has(i)) changes.set(i, list); });
      const { changes: flat, entities } = flatten(r, changes);
      post({ op: 'resolved', id: msg.id, changes: flat, entities, matchMs: r.matchMs, resolveMs: performance.now() - t0 });
      r.matchMs = 0;
      return;
    }
    case 'meetings': {
      const opts = meetingOptions(r.matcher, r.doc.options.lang ?? 'en', r.doc.options.date);
      post({ op: 'meetings', id: msg.id, meetings: extractMeetings(msg.text, msg.mentions, opts) });
    }
  }
}

/** Loads the dictionary if the worker has not yet (a page of ours started loading). */
export function warmUp(): Promise<boolean> {
  return loadBase().then(() => true, (err) => { console.debug('DiploLens: no dictionary', err); return false; });
}

/** Serves the pages' readings: only our own content scripts, in a tab, may connect. */
export function serveReadings(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== READING_PORT) return;
    if (port.sender?.id !== browser.runtime.id || !port.sender.tab) { port.disconnect(); return; }
    const r: Reading = { matcher: null, doc: null, sent: new Set(), waiting: [], matchMs: 0 };
    // messages are handled one at a time, in the order the page sent them
    let queue = Promise.resolve();
    let open = true;
    port.onMessage.addListener((raw: unknown) => {
      const msg = parseToWorker(raw);
      if (!msg) { console.debug('DiploLens: malformed reading message dropped'); return; }
      queue = queue.then(() => (open ? handle(port, r, msg) : undefined)).catch((err) => console.debug('DiploLens: reading message failed', err));
    });
    port.onDisconnect.addListener(() => { open = false; r.doc = null; r.matcher = null; r.waiting = []; });
  });
}
