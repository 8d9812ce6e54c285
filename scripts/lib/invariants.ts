// Invariants of the dictionary beyond the schema: references, dates, office holders, shared names.
import type { EntitySource, Position } from '../../src/core/dictionary/schema.ts';
import type { SourceProblem } from './sources.ts';

type Located = EntitySource & { file: string };

const SINGLE_HOLDER = new Set(['head-of-state', 'head-of-government', 'foreign-minister', 'secretary-general', 'director-general', 'high-representative']);

/** earliest and latest day a partial date can mean */
export function dayRange(d: string): [string, string] {
  if (d.length === 10) return [d, d];
  if (d.length === 7) return [`${d}-01`, `${d}-31`];
  return [`${d}-01-01`, `${d}-12-31`];
}

/** the day dict:check runs (UTC), as YYYY-MM-DD */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** a real calendar day: no 2023-02-30, no 2023-04-31 (the schema only checks the shape) */
export function validDate(d: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
  if (!m) return false;
  const [, y, mo, da] = m;
  if (mo && (+mo < 1 || +mo > 12)) return false;
  if (!da) return true;
  const days = new Date(Date.UTC(+y, +mo, 0)).getUTCDate();
  return +da >= 1 && +da <= days;
}

export interface InvariantOptions {
  /** no asOf may lie after this day; default: today */
  today?: string;
}

export function checkInvariants(entities: Located[], meetings: unknown[], opts: InvariantOptions = {}): SourceProblem[] {
  const now = opts.today ?? today();
  const problems: SourceProblem[] = [];
  const byId = new Map<string, Located>();
  for (const e of entities) {
    const prev = byId.get(e.id);
    if (!prev) { byId.set(e.id, e); continue; }
    if (prev.type !== 'person' || e.type !== 'person' || prev.file === e.file) problems.push({ file: e.file, id: e.id, field: 'id', message: `id also used ${prev.file === e.file ? 'earlier in the same file' : `in ${prev.file}`}` });
    else if (prev.name !== e.name) problems.push({ file: e.file, id: e.id, field: 'name', message: `"${e.name}" differs from "${prev.name}" in ${prev.file}` });
  }
  const expectId = (e: Located, field: string, ref: string) => {
    if (!byId.has(ref)) problems.push({ file: e.file, id: e.id, field, message: `points to unknown entity ${ref}` });
  };
  // a date that is not a real calendar day is reported once, and kept out of the ordering checks
  const date = (e: { file: string; id: string }, field: string, d?: string): string | undefined => {
    if (d === undefined) return undefined;
    if (validDate(d)) return d;
    problems.push({ file: e.file, id: e.id, field, message: `"${d}" is not a calendar date` });
    return undefined;
  };
  const ordered = (e: Located, field: string, a?: string, b?: string, what = '') => {
    if (a && b && validDate(a) && validDate(b) && dayRange(a)[0] > dayRange(b)[1]) problems.push({ file: e.file, id: e.id, field, message: `${what}${a} is after ${b}` });
  };
  const holders = new Map<string, { e: Located; p: Position }[]>();
  for (const e of entities) {
    if (!/^[a-z]/.test(e.id.split(':')[1] ?? '') || !e.id.startsWith(e.type === 'organization' ? 'org:' : e.type + ':'))
      problems.push({ file: e.file, id: e.id, field: 'id', message: `id prefix does not match type ${e.type}` });
    // sourced, with an as-of day that is real and not in the future
    if (!e.sources?.length) problems.push({ file: e.file, id: e.id, field: 'sources', message: 'no source URL' });
    if (!e.asOf) problems.push({ file: e.file, id: e.id, field: 'asOf', message: 'no asOf date' });
    else if (date(e, 'asOf', e.asOf) && e.asOf > now) problems.push({ file: e.file, id: e.id, field: 'asOf', message: `${e.asOf} is in the future (today is ${now})` });
    if (e.type === 'person') {
      e.positions.forEach((p, i) => {
        expectId(e, `positions.${i}.of`, p.of);
        date(e, `positions.${i}.start`, p.start);
        date(e, `positions.${i}.end`, p.end);
        ordered(e, `positions.${i}`, p.start, p.end, 'start ');
        if (p.start && validDate(p.start) && p.start > now) problems.push({ file: e.file, id: e.id, field: `positions.${i}.start`, message: `${p.start} is in the future (today is ${now})` });
        if (SINGLE_HOLDER.has(p.role) && !p.shared) {
          const k = `${p.role}@${p.of}`;
          (holders.get(k) ?? holders.set(k, []).get(k)!).push({ e, p });
        }
      });
    }
    if (e.type === 'organization') {
      date(e, 'founded', e.founded);
      e.partOf?.forEach((r, i) => { expectId(e, `partOf.${i}`, r); if (r === e.id) problems.push({ file: e.file, id: e.id, field: `partOf.${i}`, message: 'an organization cannot be part of itself' }); });
      const seen = new Set<string>();
      e.members?.forEach((m, i) => {
        expectId(e, `members.${i}.id`, m.id);
        if (seen.has(m.id)) problems.push({ file: e.file, id: e.id, field: `members.${i}.id`, message: `${m.id} is listed twice` });
        seen.add(m.id);
        date(e, `members.${i}.since`, m.since);
        date(e, `members.${i}.until`, m.until);
        ordered(e, `members.${i}`, m.since, m.until, 'member since ');
      });
    }
    if (e.type === 'treaty') {
      date(e, 'signed.date', e.signed?.date);
      date(e, 'inForce', e.inForce);
      ordered(e, 'inForce', e.signed?.date, e.inForce, 'signed ');
      const seen = new Set<string>();
      e.parties?.forEach((m, i) => {
        expectId(e, `parties.${i}.id`, m.id);
        if (seen.has(m.id)) problems.push({ file: e.file, id: e.id, field: `parties.${i}.id`, message: `${m.id} is listed twice` });
        seen.add(m.id);
        date(e, `parties.${i}.signed`, m.signed);
        date(e, `parties.${i}.ratified`, m.ratified);
        date(e, `parties.${i}.withdrawn`, m.withdrawn);
        ordered(e, `parties.${i}`, m.signed, m.ratified, 'signed ');
        ordered(e, `parties.${i}`, m.ratified ?? m.signed, m.withdrawn, 'joined ');
      });
    }
  }
  // one holder of a single-holder office at any date
  for (const [office, list] of holders) {
    // a position with a start runs from its latest possible first day to its earliest possible last day;
    // one with neither start nor end is known to be held on the entry's asOf day only
    const valid = (d?: string) => !d || validDate(d);
    const spans = list.filter(({ p }) => valid(p.start) && valid(p.end) && (p.start || !p.end)).map(({ e, p }) => p.start
      ? { e, from: dayRange(p.start)[1], to: p.end ? dayRange(p.end)[0] : '9999-12-31' }
      : { e, from: e.asOf, to: `${e.asOf}~` });
    spans.sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 0; i < spans.length; i++)
      for (let j = i + 1; j < spans.length; j++) {
        const a = spans[i], b = spans[j];
        if (a.e.id !== b.e.id && b.from < a.to)
          problems.push({ file: b.e.file, id: b.e.id, field: 'positions', message: `${office} overlaps ${a.e.id} (${a.from}..${a.to})` });
      }
  }
  // a name shared by two entities needs a rule: both must list it as ambiguous. Names compare without case,
  // abbreviations (matched case-sensitively) with it, against other entities' abbreviations and names
  const owners = new Map<string, Map<string, string>>();
  const ambiguous = new Set<string>();
  const own = (k: string, id: string, field: string) => {
    const m = owners.get(k) ?? owners.set(k, new Map()).get(k)!;
    if (!m.has(id)) m.set(id, field);
  };
  for (const e of entities) {
    for (const [lang, list] of Object.entries({ ...e.names })) for (const n of list ?? []) own(`${lang}|${n.toLowerCase()}`, e.id, 'names');
    for (const [lang, list] of Object.entries({ ...e.abbr })) for (const a of list ?? []) own(`${lang}|${a}|abbr`, e.id, 'abbr');
    for (const [lang, list] of Object.entries(e.ambiguous ?? {})) for (const n of list ?? []) {
      if (![...(e.names[lang as 'en'] ?? []), ...(e.abbr?.[lang as 'en'] ?? [])].includes(n))
        problems.push({ file: e.file, id: e.id, field: `ambiguous.${lang}`, message: `"${n}" is not among the entry's names or abbr in ${lang}` });
      ambiguous.add(`${lang}|${n.toLowerCase()}|${e.id}`);
      ambiguous.add(`${lang}|${n}|abbr|${e.id}`);
    }
  }
  for (const e of entities) for (const [lang, list] of Object.entries({ ...e.names })) for (const n of list ?? []) {
    const k = `${lang}|${n}|abbr`;
    if (owners.has(k) && !owners.get(k)!.has(e.id)) { own(k, e.id, 'names'); ambiguous.has(`${lang}|${n.toLowerCase()}|${e.id}`) && ambiguous.add(`${k}|${e.id}`); }
  }
  for (const [k, ids] of owners) {
    if (ids.size < 2) continue;
    const [lang, text] = k.split('|');
    const unruled = [...ids.keys()].filter((id) => !ambiguous.has(`${k}|${id}`));
    if (unruled.length) {
      const e = byId.get(unruled[0])!;
      problems.push({ file: e.file, id: e.id, field: ids.get(e.id)!, message: `"${text}" (${lang}) is also a name of ${[...ids.keys()].filter((x) => x !== e.id).join(', ')}; list it under "ambiguous" in each` });
    }
  }
  const meetingIds = new Set<string>();
  meetings.forEach((m, i) => {
    const mm = m as { id?: string; participants?: string[]; date?: string; sources?: string[]; asOf?: string; file?: string };
    const at = { file: mm.file ?? 'meetings.json', id: mm.id ?? `#${i}` };
    if (!mm.id) problems.push({ ...at, field: 'id', message: 'no id' });
    else if (meetingIds.has(mm.id)) problems.push({ ...at, field: 'id', message: 'id used twice' });
    else meetingIds.add(mm.id);
    (mm.participants ?? []).forEach((p, j) => { if (!byId.has(p)) problems.push({ ...at, field: `participants.${j}`, message: `unknown participant ${p}` }); });
    if (!mm.date) problems.push({ ...at, field: 'date', message: 'no date' });
    else date(at, 'date', mm.date);
    if (!mm.sources?.length) problems.push({ ...at, field: 'sources', message: 'no source URL' });
    if (!mm.asOf) problems.push({ ...at, field: 'asOf', message: 'no asOf date' });
    else if (date(at, 'asOf', mm.asOf) && mm.asOf > now) problems.push({ ...at, field: 'asOf', message: `${mm.asOf} is in the future (today is ${now})` });
    if (mm.date && mm.asOf && validDate(mm.date) && validDate(mm.asOf) && mm.date > mm.asOf) problems.push({ ...at, field: 'date', message: `${mm.date} is after asOf ${mm.asOf}` });
  });
  return problems;
}
