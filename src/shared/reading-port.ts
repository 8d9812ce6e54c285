// The page's reading, between a tab's content script and the service worker that holds the dictionary: the page
// sends its text blocks, the worker matches them and answers with each changed block's mentions. One port per page
// reading (a frame, until it navigates). Every message is checked on arrival; anything else is dropped.
import type { EntityType } from '../core/dictionary/index-format.ts';
import type { MentionOut, MeetingOut } from '../core/contracts.ts';
import { isMeetingOut } from './meeting-check.ts';

export const READING_PORT = 'diplolens:reading';

/** What the page asks of the worker, in order. */
export type ToWorker =
  /** a new reading: the page's language and date, the languages the user matches */
  | { op: 'open'; lang: string; date: string | null; langs: string[] }
  /** more blocks, appended in this order to the reading's blocks (texts[i] in language langs[i]; '': the worker tells) */
  | { op: 'add'; texts: string[]; langs: string[] }
  /** blocks whose text changed or left the page */
  | { op: 'drop'; blocks: number[] }
  /** the blocks whose mentions changed since the last resolve (all blocks with mentions: `everything`) */
  | { op: 'resolve'; id: number; everything: boolean }
  /** the meetings in the page's text, given its mentions */
  | { op: 'meetings'; id: number; text: string; mentions: MentionOut[] }
  /** keeps the worker (and its loaded dictionary) alive while the reader looks at the page */
  | { op: 'ping' };

/** How long the worker took to load the dictionary, and when it was done (performance.timeOrigin + now()): a page
 *  that started before that moment had it loaded for it (by its warm-up or its reading). */
export interface WorkerLoad { readMs: number; inflateMs: number; decodeMs: number; totalMs: number; doneAt: number }

export type FromWorker =
  /** at: when the worker answered (performance.timeOrigin + now(): comparable across the browser's contexts) */
  | { op: 'ready'; at: number; load: WorkerLoad | null; error?: string }
  /** changes: [block, [start, end, entity, approximate (0/1)] flattened]; entities: those not sent before on this port;
   *  matchMs: the worker's time matching the blocks added since the last answer; resolveMs: deciding this answer */
  | { op: 'resolved'; id: number; changes: [number, number[]][]; entities: [number, string, string, EntityType][]; matchMs: number; resolveMs: number }
  | { op: 'meetings'; id: number; meetings: MeetingOut[] };

const TYPES = new Set(['person', 'organization', 'treaty', 'country']);
const LANG = /^[a-z]{2,3}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 4_000_000;

const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isLang = (v: unknown): v is string => typeof v === 'string' && LANG.test(v);
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 2 ** 31;
const isId = isIndex;

function isMentionOut(v: unknown): v is MentionOut {
  if (!v || typeof v !== 'object') return false;
  const m = v as Record<string, unknown>, e = m.entity as Record<string, unknown> | undefined;
  return isIndex(m.start) && isIndex(m.end) && m.start <= m.end && isStr(m.text, 2000)
    && !!e && typeof e === 'object' && isStr(e.id, 200) && isStr(e.name, 500) && TYPES.has(e.type as string);
}

/** The message if it is a well-formed request to the worker, else null. */
export function parseToWorker(msg: unknown): ToWorker | null {
  if (!msg || typeof msg !== 'object') return null;
  const m = msg as Record<string, unknown>;
  switch (m.op) {
    case 'open':
      return isLang(m.lang) && (m.date === null || (isStr(m.date, 10) && DAY.test(m.date))) && Array.isArray(m.langs) && m.langs.length <= 64 && m.langs.every(isLang)
        ? { op: 'open', lang: m.lang, date: m.date as string | null, langs: m.langs } : null;
    case 'add': {
      const { texts, langs } = m;
      if (!Array.isArray(texts) || !Array.isArray(langs) || texts.length !== langs.length || texts.length > 100_000) return null;
      let total = 0;
      for (let i = 0; i < texts.length; i++) {
        const t = texts[i];
        if (typeof t !== 'string' || (langs[i] !== '' && !isLang(langs[i]))) return null;
        total += t.length;
      }
      return total <= MAX_TEXT ? { op: 'add', texts, langs } : null;
    }
    case 'drop': return Array.isArray(m.blocks) && m.blocks.length <= 100_000 && m.blocks.every(isIndex) ? { op: 'drop', blocks: m.blocks } : null;
    case 'resolve': return isId(m.id) && typeof m.everything === 'boolean' ? { op: 'resolve', id: m.id, everything: m.everything } : null;
    case 'meetings':
      return isId(m.id) && isStr(m.text, MAX_TEXT) && Array.isArray(m.mentions) && m.mentions.length <= 100_000 && m.mentions.every(isMentionOut)
        ? { op: 'meetings', id: m.id, text: m.text, mentions: m.mentions } : null;
    case 'ping': return { op: 'ping' };
    default: return null;
  }
}

/** The message if it is a well-formed answer from the worker, else null. */
export function parseFromWorker(msg: unknown): FromWorker | null {
  if (!msg || typeof msg !== 'object') return null;
  const m = msg as Record<string, unknown>;
  switch (m.op) {
    case 'ready': {
      const l = m.load as Record<string, unknown> | null;
      const ok = l === null || (!!l && typeof l === 'object' && ['readMs', 'inflateMs', 'decodeMs', 'totalMs', 'doneAt'].every((k) => typeof l[k] === 'number'));
      return ok && typeof m.at === 'number' && (m.error === undefined || isStr(m.error, 500))
        ? { op: 'ready', at: m.at, load: l as WorkerLoad | null, ...(m.error === undefined ? {} : { error: m.error as string }) } : null;
    }
    case 'resolved': {
      if (!isId(m.id) || typeof m.matchMs !== 'number' || typeof m.resolveMs !== 'number' || !Array.isArray(m.changes) || !Array.isArray(m.entities)) return null;
      for (const c of m.changes as unknown[]) {
        if (!Array.isArray(c) || c.length !== 2 || !isIndex(c[0]) || !Array.isArray(c[1]) || c[1].length % 4 || !c[1].every(isIndex)) return null;
      }
      for (const e of m.entities as unknown[]) {
        if (!Array.isArray(e) || e.length !== 4 || !isIndex(e[0]) || !isStr(e[1], 200) || !isStr(e[2], 500) || !TYPES.has(e[3])) return null;
      }
      return m as unknown as FromWorker;
    }
    case 'meetings': return isId(m.id) && Array.isArray(m.meetings) && m.meetings.every(isMeetingOut) ? { op: 'meetings', id: m.id, meetings: m.meetings } : null;
    default: return null;
  }
}
