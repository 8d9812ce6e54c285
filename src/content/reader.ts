// The page's side of a reading (see shared/reading-port.ts): sends text blocks to the service worker, which holds
// the dictionary, and turns its answers back into mentions. The browser may stop the worker while the page stays
// open (30 s without messages): the reading is then opened again and the blocks sent so far are sent again.
import browser from 'webextension-polyfill';
import type { EntityRef, MeetingOut, MentionOut } from '../core/contracts.ts';
import { parseFromWorker, READING_PORT, type FromWorker, type ToWorker } from '../shared/reading-port.ts';

export interface PageMentionData { block: number; start: number; end: number; entity: EntityRef; approximate?: boolean }

type Pending = { msg: Extract<ToWorker, { id: number }>; done: (m: FromWorker) => void; fail: (e: Error) => void };

const LANG = /^[a-z]{2,3}$/;
const cleanLang = (l: string | null, fallback: string) => (l && LANG.test(l) ? l : fallback);
// a ping now and then keeps the worker, and the dictionary it loaded, alive while the reader is on the page
const PING_MS = 20_000;

export interface Reader {
  /** resolves once the worker has the dictionary (rejects if it has none) */
  ready: () => Promise<void>;
  /** lang null: the block has none of its own, the worker tells it from the text */
  add(blocks: { text: string; lang: string | null }[]): void;
  drop(blocks: number[]): void;
  /** each changed block's mentions, in text order (every block with mentions: `everything`) */
  resolve(everything?: boolean): Promise<Map<number, PageMentionData[]>>;
  meetings(text: string, mentions: MentionOut[]): Promise<MeetingOut[]>;
  close(): void;
}

/**
 * Opens a reading. `resend(n)` gives the texts of the first n blocks as the page has them now (a dropped block as
 * null), for a worker that lost the reading.
 */
export function openReader(opts: { lang: string; date: string | null; langs: string[] }, resend: (n: number) => { text: string | null; lang: string | null }[]): Reader {
  const lang = cleanLang(opts.lang, 'en');
  let port: browser.Runtime.Port | null = null;
  let ready: Promise<void> = Promise.resolve();
  let closed = false;
  let sent = 0;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  /** the entities of this connection's answers, by the worker's number */
  let entities = new Map<number, EntityRef>();
  /** blocks the worker last reported with mentions (a new connection's first answer must clear the others) */
  const withMentions = new Set<number>();
  let fresh = false;

  const onMessage = (raw: unknown) => {
    const msg = parseFromWorker(raw);
    if (!msg || msg.op === 'ready') return;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    p.done(msg);
  };

  const connect = (): browser.Runtime.Port => {
    if (closed) throw new Error('the reading is closed');
    const t0 = performance.now();
    const p = browser.runtime.connect({ name: READING_PORT });
    port = p;
    entities = new Map();
    fresh = sent > 0 || withMentions.size > 0;
    ready = new Promise<void>((resolve, reject) => {
      const onReady = (raw: unknown) => {
        const msg = parseFromWorker(raw);
        if (msg?.op !== 'ready') return;
        p.onMessage.removeListener(onReady);
        const t1 = performance.now();
        // the benchmark reads these: until the worker had the dictionary ready for this page; until the page's thread
        // (busy with the page's own first layout, often) read that answer; the worker's own load when it had to load
        const readyAt = Math.min(t1, Math.max(t0, msg.at - performance.timeOrigin));
        performance.measure('diplolens:load-dictionary', { start: t0, end: readyAt });
        performance.measure('diplolens:ready-received', { start: t0, end: t1 });
        const doneAt = msg.load ? msg.load.doneAt - performance.timeOrigin : -1;
        if (msg.load && doneAt > 0) performance.measure('diplolens:worker-load', { start: Math.max(0, doneAt - msg.load.totalMs), end: doneAt, detail: msg.load });
        if (msg.error) reject(new Error(msg.error)); else resolve();
      };
      p.onMessage.addListener(onReady);
    });
    ready.catch(() => {});
    p.onMessage.addListener(onMessage);
    p.onDisconnect.addListener(() => {
      if (port !== p) return;
      port = null;
      // questions still open go to a new connection (the worker was stopped); without one they fail
      if (pending.size && !closed) {
        try { const q = connect(); for (const x of pending.values()) q.postMessage(x.msg.op === 'resolve' ? { ...x.msg, everything: true } : x.msg); return; } catch { /* below */ }
      }
      for (const x of pending.values()) x.fail(new Error('the service worker is gone'));
      pending.clear();
    });
    p.postMessage({ op: 'open', lang, date: opts.date, langs: opts.langs } satisfies ToWorker);
    if (sent) {
      const blocks = resend(sent);
      p.postMessage({ op: 'add', texts: blocks.map((b) => b.text ?? ''), langs: blocks.map((b) => cleanLang(b.lang, '')) } satisfies ToWorker);
      const dropped = blocks.flatMap((b, i) => (b.text === null ? [i] : []));
      if (dropped.length) p.postMessage({ op: 'drop', blocks: dropped } satisfies ToWorker);
    }
    return p;
  };

  const post = (msg: ToWorker) => (port ?? connect()).postMessage(msg);

  const ask = (msg: Extract<ToWorker, { id: number }>) => new Promise<FromWorker>((done, fail) => {
    pending.set(msg.id, { msg, done, fail });
    try { post(msg); } catch (err) { pending.delete(msg.id); fail(err as Error); return; }
    // a worker without a dictionary answers nothing more: the question fails instead of waiting forever
    ready.catch((err) => { if (pending.delete(msg.id)) fail(err); });
  });

  const visible = () => document.visibilityState === 'visible';
  const timer = setInterval(() => { if (port && visible()) port.postMessage({ op: 'ping' } satisfies ToWorker); }, PING_MS);

  try { connect(); } catch (err) { ready = Promise.reject(err); ready.catch(() => {}); }

  return {
    ready: () => ready,
    add(blocks) {
      if (!blocks.length) return;
      const texts: string[] = [], langs: string[] = [];
      for (let i = 0; i < blocks.length; i++) { texts.push(blocks[i].text); langs.push(cleanLang(blocks[i].lang, '')); }
      post({ op: 'add', texts, langs });
      sent += blocks.length;
    },
    drop(blocks) { if (blocks.length) post({ op: 'drop', blocks }); },
    async resolve(everything = false) {
      const a = await ask({ op: 'resolve', id: nextId++, everything: everything || fresh });
      if (a.op !== 'resolved') throw new Error('unexpected answer');
      const t = performance.now();
      performance.measure('diplolens:worker-match', { start: Math.max(0, t - a.matchMs), end: t });
      performance.measure('diplolens:worker-resolve', { start: Math.max(0, t - a.resolveMs), end: t });
      for (const [i, name, label, type] of a.entities) entities.set(i, { id: name, name: label, type });
      const out = new Map<number, PageMentionData[]>();
      for (const [block, flat] of a.changes) {
        const list: PageMentionData[] = [];
        for (let k = 0; k < flat.length; k += 4) {
          const entity = entities.get(flat[k + 2]);
          if (!entity) continue;
          const m: PageMentionData = { block, start: flat[k], end: flat[k + 1], entity };
          if (flat[k + 3]) m.approximate = true;
          list.push(m);
        }
        out.set(block, list);
        if (list.length) withMentions.add(block); else withMentions.delete(block);
      }
      if (fresh) {
        // a new connection: what it did not report has no mentions now
        for (const b of withMentions) if (!out.has(b)) { out.set(b, []); withMentions.delete(b); }
        fresh = false;
      }
      return out;
    },
    async meetings(text, mentions) {
      const a = await ask({ op: 'meetings', id: nextId++, text, mentions });
      return a.op === 'meetings' ? a.meetings : [];
    },
    close() {
      closed = true;
      clearInterval(timer);
      for (const x of pending.values()) x.fail(new Error('the reading is closed'));
      pending.clear();
      port?.disconnect();
      port = null;
    },
  };
}
