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

export function checkInvariants(entities: Located[], meetings: unknown[]): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const byId = new Map<string, Located>();
  for (const e of entities) {
    const prev = byId.get(e.id);
    if (!prev) { byId.set(e.id, e); continue; }
    if (prev.type !== 'person' || e.type !== 'person') problems.push({ file: e.file, id: e.id, message: `id also used in ${prev.file}` });
    else if (prev.name !== e.name) problems.push({ file: e.file, id: e.id, field: 'name', message: `"${e.name}" differs from "${prev.name}" in ${prev.file}` });
  }
  const expectId = (e: Located, field: string, ref: string) => {
    if (!byId.has(ref)) problems.push({ file: e.file, id: e.id, field, message: `points to unknown entity ${ref}` });
  };
  const ordered = (e: Located, field: string, a?: string, b?: string) => {
    if (a && b && dayRange(a)[0] > dayRange(b)[1]) problems.push({ file: e.file, id: e.id, field, message: `${a} is after ${b}` });
  };
  const holders = new Map<string, { e: Located; p: Position }[]>();
  for (const e of entities) {
    if (!/^[a-z]/.test(e.id.split(':')[1] ?? '') || !e.id.startsWith(e.type === 'organization' ? 'org:' : e.type + ':'))
      problems.push({ file: e.file, id: e.id, field: 'id', message: `id prefix does not match type ${e.type}` });
    if (e.type === 'person') {
      e.positions.forEach((p, i) => {
        expectId(e, `positions.${i}.of`, p.of);
        ordered(e, `positions.${i}`, p.start, p.end);
        if (SINGLE_HOLDER.has(p.role) && !p.shared) {
          const k = `${p.role}@${p.of}`;
          (holders.get(k) ?? holders.set(k, []).get(k)!).push({ e, p });
        }
      });
    }
    if (e.type === 'organization') {
      e.partOf?.forEach((r, i) => expectId(e, `partOf.${i}`, r));
      e.members?.forEach((m, i) => { expectId(e, `members.${i}.id`, m.id); ordered(e, `members.${i}`, m.since, m.until); });
    }
    if (e.type === 'treaty') e.parties?.forEach((m, i) => expectId(e, `parties.${i}.id`, m.id));
  }
  // one holder of a single-holder office at any date
  for (const [office, list] of holders) {
    const spans = list.filter(({ p }) => p.start).map(({ e, p }) => ({ e, from: dayRange(p.start!)[1], to: p.end ? dayRange(p.end)[0] : '9999-12-31' }));
    spans.sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 0; i < spans.length; i++)
      for (let j = i + 1; j < spans.length; j++) {
        const a = spans[i], b = spans[j];
        if (a.e.id !== b.e.id && b.from < a.to)
          problems.push({ file: b.e.file, id: b.e.id, field: 'positions', message: `${office} overlaps ${a.e.id} (${a.from}..${a.to})` });
      }
  }
  // a name shared by two entities needs a rule: both must list it as ambiguous
  const owners = new Map<string, Set<string>>();
  const ambiguous = new Set<string>();
  for (const e of entities) {
    for (const [lang, list] of Object.entries({ ...e.names })) for (const n of list ?? []) {
      const k = `${lang}|${n.toLowerCase()}`;
      (owners.get(k) ?? owners.set(k, new Set()).get(k)!).add(e.id);
    }
    for (const [lang, list] of Object.entries(e.ambiguous ?? {})) for (const n of list ?? []) ambiguous.add(`${lang}|${n.toLowerCase()}|${e.id}`);
  }
  for (const [k, ids] of owners) {
    if (ids.size < 2) continue;
    const unruled = [...ids].filter((id) => !ambiguous.has(`${k}|${id}`));
    if (unruled.length) {
      const e = byId.get(unruled[0])!;
      problems.push({ file: e.file, id: e.id, field: 'names', message: `"${k.split('|')[1]}" (${k.split('|')[0]}) is also a name of ${[...ids].filter((x) => x !== e.id).join(', ')}; list it under "ambiguous" in each` });
    }
  }
  meetings.forEach((m, i) => {
    const mm = m as { id?: string; participants?: string[] };
    for (const p of mm.participants ?? []) if (!byId.has(p)) problems.push({ file: 'meetings.json', id: mm.id ?? `#${i}`, field: 'participants', message: `unknown participant ${p}` });
  });
  return problems;
}
