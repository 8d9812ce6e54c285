// Messages between the extension's parts. Every message is checked on arrival: anything else is ignored.
import type { PageSummary } from '../core/contracts.ts';
import type { Card } from '../core/cards.ts';
import type { MeetingFact } from '../core/dictionary/facts.ts';

export type Request =
  | { type: 'diplolens:summary' }
  | { type: 'diplolens:reveal'; id: string }
  | { type: 'diplolens:card'; id: string; lang: string; date: string }
  | { type: 'diplolens:search'; query: string; lang: string }
  | { type: 'diplolens:site'; host: string; enabled?: boolean }
  | { type: 'diplolens:page-meetings'; url: string; title: string; meetings: MeetingFact[] };

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
    case 'diplolens:reveal': return str(m.id, 200) ? { type: m.type, id: m.id } : null;
    case 'diplolens:card':
      return str(m.id, 200) && str(m.lang, 8) && str(m.date, 10) && DATE.test(m.date) ? { type: m.type, id: m.id, lang: m.lang, date: m.date } : null;
    case 'diplolens:search': return str(m.query, 200) && str(m.lang, 8) ? { type: m.type, query: m.query, lang: m.lang } : null;
    case 'diplolens:site':
      return str(m.host, 255) && (m.enabled === undefined || typeof m.enabled === 'boolean') ? { type: m.type, host: m.host, ...(m.enabled === undefined ? {} : { enabled: m.enabled }) } : null;
    case 'diplolens:page-meetings':
      return str(m.url, 4000) && str(m.title, 1000) && Array.isArray(m.meetings) && m.meetings.length <= 200
        ? { type: m.type, url: m.url, title: m.title, meetings: m.meetings as MeetingFact[] } : null;
    default: return null;
  }
}
