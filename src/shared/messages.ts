// Messages between the extension's parts. Every message is checked on arrival: anything else is ignored.
import type { PageSummary } from '../core/contracts.ts';
import type { Card } from '../core/cards.ts';
import type { MeetingOut } from '../core/contracts.ts';
import { DATE_RE, isMeetingOut, isWebUrl } from './meeting-check.ts';

export type Request =
  | { type: 'diplolens:summary' }
  // a page of ours starts loading: the worker loads the dictionary now if it has not
  | { type: 'diplolens:warm' }
  | { type: 'diplolens:reveal'; id: string }
  | { type: 'diplolens:card'; id: string; lang: string; date: string }
  | { type: 'diplolens:search'; query: string; lang: string }
  | { type: 'diplolens:site'; host: string; enabled?: boolean }
  | { type: 'diplolens:page-meetings'; url: string; title: string; lang: string; meetings: MeetingOut[] }
  // the user's remembered meetings (service worker; only the extension's own pages may ask)
  | { type: 'diplolens:meetings-list'; participant?: string; from?: string; to?: string; text?: string }
  | { type: 'diplolens:meetings-delete'; key: string }
  | { type: 'diplolens:meetings-clear' }
  | { type: 'diplolens:meetings-export'; format: 'json' | 'csv' }
  | { type: 'diplolens:meetings-import'; format: 'json' | 'csv'; text: string }
  | { type: 'diplolens:meetings-of'; id: string; lang: string }
  // a keyboard command, from the service worker to the active tab
  | { type: 'diplolens:command'; command: MentionCommand };

export type MentionCommand = 'next-mention' | 'previous-mention';

export interface SearchHit { id: string; type: string; label: string; labelEn: string; matched: string }
export interface SiteState { host: string; enabled: boolean }
export type { PageSummary, Card };

const str = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length <= max;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The request if `msg` is a well-formed DiploLens request, else null. */
export function parseRequest(msg: unknown): Request | null {
  if (!msg || typeof msg !== 'object') return null;
  const m = msg as Record<string, unknown>;
  switch (m.type) {
    case 'diplolens:summary': return { type: m.type };
    case 'diplolens:warm': return { type: m.type };
    case 'diplolens:reveal': return str(m.id, 200) ? { type: m.type, id: m.id } : null;
    case 'diplolens:card':
      return str(m.id, 200) && str(m.lang, 8) && str(m.date, 10) && DATE.test(m.date) ? { type: m.type, id: m.id, lang: m.lang, date: m.date } : null;
    case 'diplolens:search': return str(m.query, 200) && str(m.lang, 8) ? { type: m.type, query: m.query, lang: m.lang } : null;
    case 'diplolens:site':
      return str(m.host, 255) && (m.enabled === undefined || typeof m.enabled === 'boolean') ? { type: m.type, host: m.host, ...(m.enabled === undefined ? {} : { enabled: m.enabled }) } : null;
    case 'diplolens:page-meetings':
      return isWebUrl(m.url) && str(m.title, 1000) && str(m.lang, 8) && Array.isArray(m.meetings) && m.meetings.length <= 200 && m.meetings.every(isMeetingOut)
        ? { type: m.type, url: m.url, title: m.title, lang: m.lang, meetings: m.meetings } : null;
    case 'diplolens:meetings-list': {
      const ok = (v: unknown, test: (x: unknown) => boolean) => v === undefined || test(v);
      const day = (x: unknown) => str(x, 10) && DATE_RE.test(x);
      if (!ok(m.participant, (x) => str(x, 200)) || !ok(m.from, day) || !ok(m.to, day) || !ok(m.text, (x) => str(x, 200))) return null;
      return { type: m.type, ...pick(m, ['participant', 'from', 'to', 'text']) };
    }
    case 'diplolens:meetings-delete': return str(m.key, 5000) ? { type: m.type, key: m.key } : null;
    case 'diplolens:meetings-clear': return { type: m.type };
    case 'diplolens:meetings-export': return m.format === 'json' || m.format === 'csv' ? { type: m.type, format: m.format } : null;
    case 'diplolens:meetings-import':
      return (m.format === 'json' || m.format === 'csv') && str(m.text, 20_000_000) ? { type: m.type, format: m.format, text: m.text } : null;
    case 'diplolens:meetings-of': return str(m.id, 200) && str(m.lang, 8) ? { type: m.type, id: m.id, lang: m.lang } : null;
    case 'diplolens:command': return m.command === 'next-mention' || m.command === 'previous-mention' ? { type: m.type, command: m.command } : null;
    default: return null;
  }
}

function pick(m: Record<string, unknown>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (typeof m[k] === 'string') out[k] = m[k] as string;
  return out;
}
