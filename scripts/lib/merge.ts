// Entries with the same person id in two files describe one person: names, positions and sources are united.
import type { EntitySource } from '../../src/core/dictionary/schema.ts';

const union = <T>(a: T[] = [], b: T[] = []) => [...new Set([...a, ...b])];

export function mergeEntities(list: (EntitySource & { file?: string })[]): EntitySource[] {
  const byId = new Map<string, EntitySource>();
  for (const { file: _file, ...e } of list) {
    const prev = byId.get(e.id);
    if (!prev) { byId.set(e.id, structuredClone(e) as EntitySource); continue; }
    if (prev.type !== 'person' || e.type !== 'person') continue;
    for (const [lang, names] of Object.entries(e.names)) prev.names[lang as 'en'] = union(prev.names[lang as 'en'], names);
    for (const [lang, names] of Object.entries(e.short ?? {})) (prev.short ??= {})[lang as 'en'] = union(prev.short?.[lang as 'en'], names);
    for (const [lang, d] of Object.entries(e.desc)) prev.desc[lang as 'en'] ??= d;
    const key = (p: (typeof e.positions)[number]) => `${p.role}|${p.of}|${p.start ?? ''}`;
    const have = new Set(prev.positions.map(key));
    prev.positions.push(...e.positions.filter((p) => !have.has(key(p))));
    prev.sources = union(prev.sources, e.sources);
    prev.asOf = prev.asOf < e.asOf ? prev.asOf : e.asOf;
    prev.gender ??= e.gender;
    prev.wikidata ??= e.wikidata;
  }
  return [...byId.values()];
}
