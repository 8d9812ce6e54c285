// The dictionary's names as the benchmark uses them: labels per language and type for the generated page, every
// surface form for mark.js's one big alternation, and a sample of aliases for mark.js's usual keyword array.
import { readFileSync } from 'node:fs';
import type { ProductLang } from './templates.ts';

export type BenchType = 'person' | 'organization' | 'country' | 'treaty';
type Names = Partial<Record<string, string[]>>;
export interface FactEntity { id: string; type: BenchType; name: string; names?: Names; abbr?: Names; short?: Names }

export function loadFacts(path: string): FactEntity[] {
  const facts = JSON.parse(readFileSync(path, 'utf8')) as { entities: Record<string, FactEntity> };
  return Object.values(facts.entities);
}

/** A name of the page: its text and the entity it stands for. */
export interface Label { text: string; id: string; type: BenchType }
export type LabelPools = Record<string, Record<BenchType, Label[]>>;

const FALLBACK: Partial<Record<ProductLang, string>> = { kk: 'ru' };
const TYPES: BenchType[] = ['person', 'organization', 'country', 'treaty'];

/** Labels per language and type: the names in that language (Kazakh falls back to Russian, others to English,
 *  as news in those languages writes names the dictionary has no own label for); abbreviations too. */
export function labelPools(entities: FactEntity[], langs: readonly string[]): LabelPools {
  const pools: LabelPools = {};
  for (const lang of langs) {
    const byType = Object.fromEntries(TYPES.map((t) => [t, [] as Label[]])) as Record<BenchType, Label[]>;
    for (const e of entities) {
      if (!byType[e.type]) continue;
      const own = e.names?.[lang];
      const names = own?.length ? own : e.type === 'person' ? e.names?.[FALLBACK[lang as ProductLang] ?? 'en'] : undefined;
      for (const text of names ?? []) if (text.trim().length > 1) byType[e.type].push({ text: text.trim(), id: e.id, type: e.type });
      for (const text of e.abbr?.[lang] ?? []) if (text.trim().length > 1) byType[e.type].push({ text: text.trim(), id: e.id, type: e.type });
    }
    pools[lang] = byType;
  }
  return pools;
}

/** Every surface form the dictionary holds (names, abbreviations, surnames, all languages), distinct. */
export function surfaceForms(entities: FactEntity[]): string[] {
  const forms = new Set<string>();
  for (const e of entities) for (const field of [e.names, e.abbr, e.short]) for (const list of Object.values(field ?? {})) for (const f of list ?? []) {
    const t = f.trim();
    if (t.length > 1) forms.add(t);
  }
  return [...forms];
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** One alternation of all forms, longest first (so that "Republic of Kazakhstan" wins over "Kazakhstan"). */
export function alternation(forms: string[]): string {
  return [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp).join('|');
}

/** `n` aliases for mark.js's keyword array: forms that occur in the page's text first, in a seeded order. */
export function pickAliases(forms: string[], text: string, n: number, rnd: () => number): string[] {
  const present = forms.filter((f) => f.length > 2 && text.includes(f));
  const absent = forms.filter((f) => f.length > 2 && !text.includes(f));
  const shuffle = (a: string[]) => { for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; };
  return [...shuffle(present), ...shuffle(absent)].slice(0, n);
}
