// `diplolens dict stats`: what the bundled dictionary holds (the JSON shape is a contract, see issue 4).
import type { FactsStore } from '../core/dictionary/facts.ts';
import type { PackedIndex } from '../core/dictionary/pack.ts';

export interface DictStats {
  entities: { person: number; organization: number; treaty: number; country: number };
  aliases: number;
  forms: number;
  languages: Record<string, number>;
  sourced: number;
  asOf: string;
}

export function dictStats(store: FactsStore, index: PackedIndex): DictStats {
  const entities = { person: 0, organization: 0, treaty: 0, country: 0 };
  const languages: Record<string, number> = {};
  let aliases = 0, sourced = 0;
  const all = Object.values(store.entities);
  for (const e of all) {
    entities[e.type]++;
    if (e.sources.length) sourced++;
    for (const [lang, names] of Object.entries(e.names)) {
      if (!names?.length) continue;
      languages[lang] = (languages[lang] ?? 0) + 1;
      aliases += names.length;
    }
    for (const list of Object.values(e.abbr ?? {})) aliases += list?.length ?? 0;
  }
  // a form is one phrase the matcher recognizes: one terminal entry in the trie
  const forms = index.sizes.terms;
  return { entities, aliases, forms, languages, sourced: all.length ? sourced / all.length : 0, asOf: store.asOf };
}

export function formatStats(s: DictStats): string {
  const lines = [
    `entities      ${Object.entries(s.entities).map(([t, n]) => `${n} ${t}`).join(', ')}`,
    `names         ${s.aliases} (${s.forms} matchable forms with inflections)`,
    `languages     ${Object.entries(s.languages).sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(', ')}`,
    `sourced       ${(100 * s.sourced).toFixed(1)}% of entities`,
    `as of         ${s.asOf}`,
  ];
  return lines.join('\n');
}
