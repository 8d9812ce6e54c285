// Field-by-field checks of a meeting as the content script reports it and as an import file holds it.
// Each check names the first bad field ("participants[1].id: ...") so the caller can say where the problem is.
import type { MeetingKind, MeetingOut } from '../core/contracts.ts';

export const MEETING_KINDS: readonly MeetingKind[] = ['in-person', 'call', 'visit', 'negotiation', 'agreement', 'announced'];
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const ENTITY_ID = /^[a-z]+:[\p{L}\p{N}._-]{1,150}$/u;
const CAMEO = /^\d{3}$/;
export const MAX_PARTICIPANTS = 20;
export const MAX_EVIDENCE = 4000;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/** A calendar date that exists: "2024-02-30" is refused. */
export function isDay(v: unknown): v is string {
  if (typeof v !== 'string' || !DATE_RE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** The fields every meeting has (participants, date, place, kind, cameo, planned): the first problem, or null. */
export function meetingCoreProblem(v: unknown): string | null {
  if (!isObject(v)) return 'expected an object';
  const ps = v.participants;
  if (!Array.isArray(ps)) return 'participants: expected an array';
  if (ps.length < 2 || ps.length > MAX_PARTICIPANTS) return `participants: expected 2 to ${MAX_PARTICIPANTS} people, got ${ps.length}`;
  const ids = new Set<string>();
  for (const [i, p] of ps.entries()) {
    if (!isObject(p)) return `participants[${i}]: expected an object with id and name`;
    if (typeof p.id !== 'string' || !ENTITY_ID.test(p.id)) return `participants[${i}].id: expected an entity id like "person:ian-borg"`;
    if (!text(p.name, 300)) return `participants[${i}].name: expected a name (1 to 300 characters)`;
    if (ids.has(p.id)) return `participants[${i}].id: "${p.id}" is listed twice`;
    ids.add(p.id);
  }
  if (v.date !== null && !isDay(v.date)) return 'date: expected YYYY-MM-DD or null';
  if (v.place !== null && !text(v.place, 300)) return 'place: expected a place name or null';
  if (!MEETING_KINDS.includes(v.kind as MeetingKind)) return `kind: expected one of ${MEETING_KINDS.join(', ')}`;
  if (typeof v.cameo !== 'string' || !CAMEO.test(v.cameo)) return 'cameo: expected a three-digit CAMEO code';
  if (v.planned !== undefined && typeof v.planned !== 'boolean') return 'planned: expected true, false or nothing';
  return null;
}

/** A meeting as the page summary gives it (MeetingOut): the first problem, or null. */
export function meetingOutProblem(v: unknown): string | null {
  const core = meetingCoreProblem(v);
  if (core) return core;
  if (!text((v as Record<string, unknown>).evidence, MAX_EVIDENCE)) return `evidence: expected the sentence (1 to ${MAX_EVIDENCE} characters)`;
  return null;
}

export const isMeetingOut = (v: unknown): v is MeetingOut => meetingOutProblem(v) === null;

/** Only web pages are sources: no javascript:, data: or extension URLs ever become links. */
export function isWebUrl(v: unknown, max = 4000): v is string {
  if (typeof v !== 'string' || v.length > max) return false;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
