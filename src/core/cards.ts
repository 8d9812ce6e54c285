// The entity card a reader sees on hover and in the popup: names, a one-line description and the key facts
// true on the page's date, related meetings, sources. Pure: built by the service worker from the facts store.
import { createFacts, holders, positionsOn, label, heldOn, type Facts, type MeetingFact } from './dictionary/facts.ts';
import type { EntitySource, PersonSource, Position } from './dictionary/schema.ts';

export interface CardFact { label: string; value: string; entityId?: string }
/** A page that reports a meeting: a page the user read (with its title) or a bundled source. */
export interface CardSource { url: string; title: string; fromReading: boolean }
export interface CardMeeting {
  id: string; date: string; counterparts: { id: string; name: string }[]; place: string | null;
  /** the first source (kept for older callers); `sources` lists them all, the user's reading first */
  source: string | null; sources: CardSource[]; fromReading: boolean; planned?: boolean;
}
export interface Card {
  id: string;
  type: EntitySource['type'];
  /** the name in the page's language, and in English */
  label: string;
  labelEn: string;
  typeLabel: string;
  description: string;
  facts: CardFact[];
  meetings: CardMeeting[];
  sources: string[];
  asOf: string;
  wikidata?: string;
}

type UiLang = 'en' | 'ru';
const T: Record<UiLang, Record<string, string>> = {
  en: {
    person: 'Person', organization: 'Organization', treaty: 'Treaty', country: 'Country',
    position: 'Position', formerly: 'Earlier', fullName: 'Full name', acronym: 'Acronym', founded: 'Founded', hq: 'Headquarters',
    head: 'Head', partOf: 'Part of', members: 'Members', signed: 'Signed', parties: 'Parties', status: 'Status', inForce: 'In force since',
    capital: 'Capital', headOfState: 'Head of state', headOfGov: 'Head of government', fm: 'Foreign minister', memberOf: 'Member of',
    'in-force': 'in force', expired: 'expired', terminated: 'terminated', suspended: 'suspended', 'not-in-force': 'not in force', political: 'political declaration (not legally binding)',
    'head-of-state': 'Head of state', 'head-of-government': 'Head of government', 'foreign-minister': 'Foreign minister',
    'deputy-foreign-minister': 'Deputy foreign minister', minister: 'Minister', spokesperson: 'Spokesperson', aide: 'Aide', ambassador: 'Ambassador',
    speaker: 'Speaker', 'vice-president': 'Vice-president', 'deputy-head-of-government': 'Deputy head of government', 'secretary-general': 'Secretary-General',
    'deputy-secretary-general': 'Deputy Secretary-General', 'director-general': 'Director-General', chair: 'Chair', president: 'President',
    'high-representative': 'High Representative', 'special-envoy': 'Special envoy', other: 'Office', of: 'of', since: 'since', until: 'until', acting: 'acting',
  },
  ru: {
    person: 'Персона', organization: 'Организация', treaty: 'Договор', country: 'Страна',
    position: 'Должность', formerly: 'Ранее', fullName: 'Полное название', acronym: 'Сокращение', founded: 'Основана', hq: 'Штаб-квартира',
    head: 'Руководитель', partOf: 'Входит в', members: 'Члены', signed: 'Подписан', parties: 'Участники', status: 'Статус', inForce: 'В силе с',
    capital: 'Столица', headOfState: 'Глава государства', headOfGov: 'Глава правительства', fm: 'Министр иностранных дел', memberOf: 'Член',
    'in-force': 'в силе', expired: 'истёк', terminated: 'прекращён', suspended: 'приостановлен', 'not-in-force': 'не вступил в силу', political: 'политическая декларация (не имеет обязательной силы)',
    'head-of-state': 'Глава государства', 'head-of-government': 'Глава правительства', 'foreign-minister': 'Министр иностранных дел',
    'deputy-foreign-minister': 'Заместитель министра иностранных дел', minister: 'Министр', spokesperson: 'Официальный представитель', aide: 'Помощник', ambassador: 'Посол',
    speaker: 'Председатель парламента', 'vice-president': 'Вице-президент', 'deputy-head-of-government': 'Вице-премьер', 'secretary-general': 'Генеральный секретарь',
    'deputy-secretary-general': 'Заместитель генсекретаря', 'director-general': 'Генеральный директор', chair: 'Председатель', president: 'Президент',
    'high-representative': 'Высокий представитель', 'special-envoy': 'Спецпосланник', other: 'Должность', of: '', since: 'с', until: 'по', acting: 'и. о.',
  },
};

export const uiLang = (lang: string): UiLang => (lang === 'ru' || lang === 'uk' || lang === 'kk' ? 'ru' : 'en');

function span(p: { start?: string; end?: string }, t: Record<string, string>): string {
  if (p.start && p.end) return `${p.start} – ${p.end}`;
  if (p.start) return `${t.since} ${p.start}`;
  if (p.end) return `${t.until} ${p.end}`;
  return '';
}

function positionText(facts: Facts, p: Position, lang: string): string {
  const t = T[uiLang(lang)];
  const where = facts.get(p.of);
  const title = p.title?.[lang as 'en'] ?? p.title?.[uiLang(lang)] ?? t[p.role] ?? p.role;
  // an organization by its acronym where it has one: "председатель ОБСЕ", not the full name
  const of = !where ? '' : where.abbr?.[lang as 'en']?.[0] ?? where.abbr?.[uiLang(lang)]?.[0] ?? label(where, lang);
  const when = span(p, t);
  return `${p.acting ? t.acting + ' ' : ''}${title}${of && !title.includes(of) ? (t.of ? ` ${t.of} ` : ', ') + of : ''}${when ? ` (${when})` : ''}`;
}

function personFacts(facts: Facts, e: PersonSource, lang: string, date: string): CardFact[] {
  const t = T[uiLang(lang)];
  const now = positionsOn(e, date);
  const out: CardFact[] = now.map((p) => ({ label: t.position, value: positionText(facts, p, lang), entityId: p.of }));
  const earlier = e.positions.filter((p) => !now.includes(p) && p.end && p.end < date).slice(0, 3);
  for (const p of earlier) out.push({ label: t.formerly, value: positionText(facts, p, lang), entityId: p.of });
  return out;
}

function holderNames(facts: Facts, of: string, roles: string[], date: string, lang: string): string | null {
  const h = holders(facts, of, roles, date);
  return h.length ? [...new Set(h.map((x) => label(x.person, lang)))].join(', ') : null;
}

function organizationFacts(facts: Facts, e: Extract<EntitySource, { type: 'organization' }>, lang: string, date: string): CardFact[] {
  const t = T[uiLang(lang)];
  const out: CardFact[] = [{ label: t.fullName, value: label(e, lang) }];
  const abbr = e.abbr?.[lang as 'en']?.[0] ?? e.abbr?.en?.[0];
  if (abbr) out.push({ label: t.acronym, value: abbr });
  if (e.founded) out.push({ label: t.founded, value: e.founded });
  const hq = e.headquarters?.[lang as 'en'] ?? e.headquarters?.en;
  if (hq) out.push({ label: t.hq, value: hq });
  const head = holderNames(facts, e.id, ['secretary-general', 'director-general', 'chair', 'president', 'high-representative', 'head'], date, lang);
  if (head) out.push({ label: t.head, value: head });
  for (const p of e.partOf ?? []) { const parent = facts.get(p); if (parent) out.push({ label: t.partOf, value: label(parent, lang), entityId: p }); }
  const members = e.members?.filter((m) => heldOn({ start: m.since, end: m.until }, date));
  if (members?.length) out.push({ label: t.members, value: String(members.length) });
  return out;
}

function treatyFacts(facts: Facts, e: Extract<EntitySource, { type: 'treaty' }>, lang: string): CardFact[] {
  const t = T[uiLang(lang)];
  const out: CardFact[] = [];
  if (e.signed) {
    const place = e.signed.place?.[lang as 'en'] ?? e.signed.place?.en;
    out.push({ label: t.signed, value: [e.signed.date, place].filter(Boolean).join(', ') });
  }
  if (e.inForce) out.push({ label: t.inForce, value: e.inForce });
  if (e.parties?.length) {
    const names = e.parties.map((p) => facts.get(p.id)).filter(Boolean).map((x) => label(x!, lang));
    out.push({ label: t.parties, value: names.length > 6 ? `${names.slice(0, 6).join(', ')} … (${names.length})` : names.join(', ') });
  }
  if (e.status) out.push({ label: t.status, value: t[e.status] ?? e.status });
  return out;
}

function countryFacts(facts: Facts, e: Extract<EntitySource, { type: 'country' }>, lang: string, date: string): CardFact[] {
  const t = T[uiLang(lang)];
  const out: CardFact[] = [];
  const cap = e.capital?.[lang as 'en'] ?? e.capital?.en;
  if (cap) out.push({ label: t.capital, value: cap });
  const hs = holderNames(facts, e.id, ['head-of-state'], date, lang);
  if (hs) out.push({ label: t.headOfState, value: hs });
  const hg = holderNames(facts, e.id, ['head-of-government'], date, lang);
  if (hg) out.push({ label: t.headOfGov, value: hg });
  const fm = holderNames(facts, e.id, ['foreign-minister'], date, lang);
  if (fm) out.push({ label: t.fm, value: fm });
  return out;
}

/** The people whose meetings speak for an entity: itself, an organization's heads, a country's officials. */
export function meetingSubjects(facts: Facts, e: EntitySource): Set<string> {
  const ids = new Set([e.id]);
  if (e.type !== 'person') for (const h of facts.holdersOf(e.id)) ids.add(h.person.id);
  return ids;
}

const hostOf = (url: string) => { try { return new URL(url).hostname; } catch { return url; } };

function sourcesOf(m: MeetingFact): CardSource[] {
  if (m.readings?.length) return m.readings.map((r) => ({ url: r.url, title: r.title || hostOf(r.url), fromReading: true }));
  return m.sources.map((url) => ({ url, title: hostOf(url), fromReading: !!m.fromReading }));
}

/**
 * The latest meetings, with those of the page's own date first (the meeting the reader is reading about).
 * `extra` (the user's reading) comes before the bundled meetings: the same participants on the same date are one
 * meeting, shown once, marked as read, with the sources of both.
 */
export function relatedMeetings(facts: Facts, e: EntitySource, lang: string, extra: MeetingFact[] = [], limit = 5, pageDate?: string): CardMeeting[] {
  const subjects = meetingSubjects(facts, e);
  const all = [...extra, ...[...subjects].flatMap((id) => facts.meetingsOf(id))];
  const first = (m: MeetingFact) => (m.date === pageDate ? 0 : 1);
  // an organization's or a country's meeting is one its office holder attended while in office
  const holdings = e.type === 'person' ? [] : facts.holdersOf(e.id);
  const speaksFor = (p: string, date: string) => p === e.id || holdings.some((h) => h.person.id === p && heldOn(h.position, date));
  const byKey = new Map<string, CardMeeting>();
  const out: CardMeeting[] = [];
  for (const m of all.sort((a, b) => first(a) - first(b) || b.date.localeCompare(a.date))) {
    if (!m.participants.some((p) => subjects.has(p) && speaksFor(p, m.date))) continue;
    const key = [...m.participants].sort().join('|') + m.date;
    const seen = byKey.get(key);
    if (seen) {
      const urls = new Set(seen.sources.map((s) => s.url));
      seen.sources.push(...sourcesOf(m).filter((s) => !urls.has(s.url)));
      seen.fromReading ||= !!m.fromReading;
      // a bundled meeting names the place in the reader's language
      if (m.place?.[lang]) seen.place = m.place[lang];
      continue;
    }
    if (out.length >= limit) continue; // later ones may still add sources to those shown
    const counterparts = m.participants.filter((p) => e.type !== 'person' ? true : p !== e.id).map((id) => {
      const x = facts.get(id);
      return { id, name: x ? label(x, lang) : id };
    });
    const sources = sourcesOf(m);
    const card: CardMeeting = {
      id: m.id, date: m.date, counterparts, place: m.place?.[lang] ?? m.place?.en ?? null,
      source: sources[0]?.url ?? null, sources, fromReading: !!m.fromReading, ...(m.kind === 'announced' ? { planned: true } : {}),
    };
    byKey.set(key, card);
    out.push(card);
  }
  return out;
}

export function buildCard(facts: Facts, id: string, opts: { lang: string; date: string; meetings?: MeetingFact[] }): Card | null {
  const e = facts.get(id);
  if (!e) return null;
  const { lang, date } = opts;
  const t = T[uiLang(lang)];
  const factsList =
    e.type === 'person' ? personFacts(facts, e, lang, date)
    : e.type === 'organization' ? organizationFacts(facts, e, lang, date)
    : e.type === 'treaty' ? treatyFacts(facts, e, lang)
    : countryFacts(facts, e, lang, date);
  return {
    id: e.id,
    type: e.type,
    label: label(e, lang),
    labelEn: e.names.en![0],
    typeLabel: t[e.type],
    description: e.desc[lang as 'en'] ?? e.desc[uiLang(lang)] ?? e.desc.en!,
    facts: factsList,
    meetings: relatedMeetings(facts, e, lang, opts.meetings, 5, date),
    sources: e.sources,
    asOf: e.asOf,
    ...(e.wikidata ? { wikidata: e.wikidata } : {}),
  };
}

export { createFacts };
