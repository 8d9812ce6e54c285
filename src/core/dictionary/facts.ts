// The facts store and the questions asked of it: who held an office on a date, what a body belongs to,
// which meetings an entity took part in. Pure: used by the service worker, the popup and the CLI.
import type { EntitySource, PersonSource, Position } from './schema.ts';

export interface MeetingFact {
  id: string;
  participants: string[];
  date: string;
  place?: Record<string, string>;
  kind?: string;
  summary?: Record<string, string>;
  sources: string[];
  asOf?: string;
  /** where the user read about it (meetings from reading, not the bundled ones) */
  fromReading?: boolean;
  title?: string;
  /** the pages the user read it on, with their titles (meetings from reading) */
  readings?: { url: string; title: string }[];
}

export interface FactsStore {
  v: 1;
  asOf: string;
  entities: Record<string, EntitySource>;
  meetings: MeetingFact[];
}

export interface Holding { person: PersonSource; position: Position }

/** Looks facts up quickly: positions by office, meetings by participant. Built once per store. */
export interface Facts {
  store: FactsStore;
  get(id: string): EntitySource | undefined;
  holdersOf(of: string): Holding[];
  meetingsOf(id: string): MeetingFact[];
}

/** earliest and latest day a partial date may mean, as YYYY-MM-DD strings */
export function dateBounds(d: string): [string, string] {
  if (d.length === 10) return [d, d];
  if (d.length === 7) return [`${d}-01`, `${d}-31`];
  return [`${d}-01-01`, `${d}-12-31`];
}

/** true when the position was certainly or probably held on `date` (partial dates count in full) */
export function heldOn(p: { start?: string; end?: string }, date: string): boolean {
  if (p.start && dateBounds(p.start)[0] > date) return false;
  if (p.end && dateBounds(p.end)[1] < date) return false;
  return true;
}

export function createFacts(store: FactsStore): Facts {
  const byOf = new Map<string, Holding[]>();
  for (const e of Object.values(store.entities)) {
    if (e.type !== 'person') continue;
    for (const position of e.positions) (byOf.get(position.of) ?? byOf.set(position.of, []).get(position.of)!).push({ person: e, position });
  }
  const byParticipant = new Map<string, MeetingFact[]>();
  const addMeeting = (m: MeetingFact) => {
    for (const p of m.participants) (byParticipant.get(p) ?? byParticipant.set(p, []).get(p)!).push(m);
  };
  store.meetings.forEach(addMeeting);
  return {
    store,
    get: (id) => store.entities[id],
    holdersOf: (of) => byOf.get(of) ?? [],
    meetingsOf: (id) => byParticipant.get(id) ?? [],
  };
}

/** The holders of an office on a date, latest start first. */
export function holders(facts: Facts, of: string, roles: string[], date: string): Holding[] {
  return facts
    .holdersOf(of)
    .filter((h) => roles.includes(h.position.role) && heldOn(h.position, date))
    .sort((a, b) => (b.position.start ?? '').localeCompare(a.position.start ?? ''));
}

/** The positions a person held on a date, the most senior first. */
export function positionsOn(person: PersonSource, date: string): Position[] {
  const rank = ['head-of-state', 'head-of-government', 'chair', 'secretary-general', 'president', 'high-representative', 'director-general', 'foreign-minister'];
  const r = (p: Position) => { const i = rank.indexOf(p.role); return i < 0 ? rank.length : i; };
  return person.positions.filter((p) => heldOn(p, date)).sort((a, b) => r(a) - r(b));
}

export function label(e: EntitySource, lang: string): string {
  return e.names[lang as 'en']?.[0] ?? e.names.en![0];
}
