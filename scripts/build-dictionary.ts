// Builds the dictionary: validates assets/dictionary, generates every inflected form at build time, and writes
//   build/index.bin.gz  the matching index for the content script (and the CLI): the matcher's arrays, gzipped (see pack.ts)
//   build/facts.json  the facts store the service worker serves on demand
import { TITLE_KEYS } from '../src/core/titles.ts';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { loadSources, formatProblem } from './lib/sources.ts';
import { checkInvariants } from './lib/invariants.ts';
import { mergeEntities } from './lib/merge.ts';
import * as ru from './lib/inflect/ru.ts';
import * as uk from './lib/inflect/uk.ts';
import * as kk from './lib/inflect/kk.ts';
import { germanForms } from './lib/inflect/latin.ts';
import { compileIndex, type FormSpec } from '../src/core/dictionary/compile.ts';
import { encodeIndex } from '../src/core/dictionary/pack.ts';
import { Flag, dayNumber, ROLE_CODES, type IndexEntity } from '../src/core/dictionary/index-format.ts';
import { wordKey, phraseKeys } from '../src/core/tokenize.ts';
import type { EntitySource, PersonSource } from '../src/core/dictionary/schema.ts';
import { buildFacts } from './lib/facts.ts';

const require = createRequire(import.meta.url);
const OUT = new URL('../build/', import.meta.url).pathname;
const COUNTRY_LANGS = ['fr', 'de', 'es', 'tr', 'zh', 'it', 'pt', 'pl', 'ja', 'ar'] as const;

/** Chinese names in Traditional script too (Taiwan, Hong Kong and overseas press) */
function traditionalChinese(entities: EntitySource[]): void {
  const OpenCC = require('opencc-js');
  const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
  for (const e of entities) for (const field of ['names', 'abbr', ...(e.type === 'person' ? ['short'] : [])] as const) {
    const map = (e as any)[field] as Record<string, string[]> | undefined;
    if (!map?.zh) continue;
    map.zh = [...new Set(map.zh.flatMap((n) => [n, toTw(n), toHk(n)]))];
  }
}

function countryNamesFromCldr(entities: EntitySource[]): void {
  const countries = require('i18n-iso-countries');
  for (const l of COUNTRY_LANGS) countries.registerLocale(require(`i18n-iso-countries/langs/${l}.json`));
  // a package name that is already another country's name is a mistake of the package, not a second name
  // (its Portuguese gives the Republic of the Congo the DR Congo's name)
  const owner = new Map<string, string>();
  for (const e of entities) if (e.type === 'country') for (const [l, list] of Object.entries(e.names)) for (const n of list ?? []) owner.set(`${l}|${n.toLowerCase()}`, e.id);
  for (const e of entities) {
    if (e.type !== 'country' || !e.iso2) continue;
    for (const l of COUNTRY_LANGS) {
      const names: string[] = countries.getName(e.iso2, l, { select: 'all' }) ?? [];
      const have = new Set((e.names[l] ?? []).map((n) => n.toLowerCase()));
      const add = names.filter((n) => n && !have.has(n.toLowerCase()) && (owner.get(`${l}|${n.toLowerCase()}`) ?? e.id) === e.id);
      if (add.length) e.names[l] = [...(e.names[l] ?? []), ...add];
    }
  }
}

const lastWord = (name: string) => name.split(/\s+/).pop()!;
const isAcronym = (s: string) => s.length > 1 && s === s.toUpperCase() && /\p{Lu}/u.test(s);

async function personForms(e: PersonSource, lang: string, name: string): Promise<string[]> {
  if (lang === 'ru') return ru.personForms(name, e.gender);
  if (lang === 'uk') return uk.personForms(name, e.gender);
  if (lang === 'kk') return kk.phraseForms(name, 'name');
  if (lang === 'de') return germanForms(name, 'name');
  return [name];
}

async function surnameForms(e: PersonSource, lang: string, surname: string): Promise<string[]> {
  if (surname.includes(' ')) return personForms(e, lang, surname);
  if (lang === 'ru') return ru.surnameForms(surname, e.gender);
  if (lang === 'uk') return uk.surnameForms(surname, e.gender);
  if (lang === 'kk') return kk.phraseForms(surname, 'name');
  if (lang === 'de') return germanForms(surname, 'name');
  return [surname];
}

function phraseForms(lang: string, phrase: string): string[] {
  if (isAcronym(phrase)) return [phrase];
  if (lang === 'ru') return ru.phraseForms(phrase);
  if (lang === 'uk') return uk.phraseForms(phrase);
  if (lang === 'kk') return kk.phraseForms(phrase);
  if (lang === 'de') return germanForms(phrase, 'phrase');
  return [phrase];
}

const startsUpper = (s: string) => /^\p{Lu}/u.test(s);
const CYRILLIC_LANGS = new Set(['ru', 'uk', 'kk']);
const FAMILY_FIRST = new Set(['country:cn', 'country:tw', 'country:kp', 'country:kr']);

export async function buildForms(entities: EntitySource[]): Promise<{ forms: FormSpec[]; stats: { aliases: number } }> {
  const forms: FormSpec[] = [];
  let aliases = 0;
  const push = (entity: number, phrase: string, flags: number, lang = 'en') => {
    const e = entities[entity];
    const cyrillic = CYRILLIC_LANGS.has(lang);
    const words = phrase.split(/\s+/).length;
    // Cyrillic news writes long names and multiword names in lower case too ("минских соглашений", "росії");
    // other languages only multiword names of three words or more ("the five-point consensus")
    const loose = !(flags & Flag.Ambiguous) && e.type !== 'person' &&
      ((cyrillic && (words >= 2 || (e.type === 'country' && phrase.length >= 5))) || phraseKeys(phrase).length >= 3);
    forms.push({ entity, phrase, flags: flags | (startsUpper(phrase) && !loose ? Flag.Capital : 0) });
  };
  // surnames shared by several people are never distinctive
  const surnameOwners = new Map<string, Set<string>>();
  // the default surname: the last word; in Chinese and Japanese only for transliterated foreign names,
  // after the middle dot ("谢尔盖·拉夫罗夫" → "拉夫罗夫"); native names have no such part
  // Chinese and Korean names keep the family name first in every script ("Wang Yi", "Kim Son-gyong", "Ван И")
  const familyFirst = (e: PersonSource) => e.positions.some((p) => FAMILY_FIRST.has(p.of));
  const surnamesOf = (e: PersonSource, lang: string) => e.short?.[lang as 'en'] ?? (['zh', 'ja'].includes(lang)
    ? (e.names[lang as 'en'] ?? []).filter((n) => /[·・]/.test(n)).map((n) => n.split(/[·・]/).pop()!).filter((x) => x.length >= 2)
    : (e.names[lang as 'en'] ?? []).filter((n) => n.includes(' ')).map(familyFirst(e) ? (n: string) => n.split(/\s+/)[0] : lastWord));
  for (const e of entities) if (e.type === 'person') for (const lang of Object.keys(e.names)) for (const s of surnamesOf(e, lang))
    (surnameOwners.get(wordKey(s)) ?? surnameOwners.set(wordKey(s), new Set()).get(wordKey(s))!).add(e.id);

  // a surname that is also somebody's first name ("Hassan") never stands alone on the strength of an office
  const givenNames = new Set<string>();
  for (const e of entities) if (e.type === 'person') for (const list of Object.values(e.names)) for (const n of list ?? []) if (n.includes(' ')) givenNames.add(wordKey(n.split(/\s+/)[0]));
  for (const [i, e] of entities.entries()) {
    const ambiguous = new Set(Object.values(e.ambiguous ?? {}).flat());
    for (const [lang, names] of Object.entries(e.names)) {
      for (const name of names ?? []) {
        aliases++;
        const flags = ambiguous.has(name) ? Flag.Ambiguous | Flag.Exact : 0;
        const all = e.type === 'person' ? await personForms(e, lang, name) : phraseForms(lang, name);
        for (const f of all) push(i, f, flags, lang);
      }
    }
    for (const [lang, list] of Object.entries(e.abbr ?? {})) for (const a of list ?? []) {
      aliases++;
      const flags = Flag.Exact | (ambiguous.has(a) ? Flag.Ambiguous : 0);
      for (const f of lang === 'kk' ? kk.acronymForms(a) : [a]) forms.push({ entity: i, phrase: f, flags });
    }
    for (const list of Object.values(e.forms ?? {})) for (const f of list ?? []) push(i, f, 0);
    if (e.type !== 'person') continue;
    for (const lang of Object.keys(e.names)) {
      for (const s of new Set(surnamesOf(e, lang))) {
        if (s.length < 2) continue;
        // long enough to be a name and nothing else: five letters, or three Chinese/Japanese characters
        const longEnough = s.length >= 5 || (/[\p{Script=Han}\p{Script=Katakana}]/u.test(s) && s.length >= 3);
        const distinct = (surnameOwners.get(wordKey(s))?.size ?? 0) === 1 && longEnough && !givenNames.has(wordKey(s)) ? Flag.Distinctive : 0;
        for (const f of await surnameForms(e, lang, s)) push(i, f, Flag.Short | distinct);
        // "С. Лавров", "S. Lavrov": an initial of the first given name with the surname
        if (!['zh', 'ja', 'ar'].includes(lang)) for (const name of e.names[lang as 'en'] ?? []) {
          const first = name.split(/\s+/)[0];
          if (!name.includes(' ') || !startsUpper(first) || !name.endsWith(s)) continue;
          for (const f of await surnameForms(e, lang, s)) push(i, `${first[0]}. ${f}`, Flag.Initial);
        }
      }
    }
  }
  return { forms, stats: { aliases } };
}

/** capitals of the dictionary's countries and the gazetteer's cities, in every inflected form */
function placeIndex(entities: EntitySource[]): Record<string, string> {
  const cities: Record<string, string | string[]>[] = JSON.parse(readFileSync(new URL('../assets/places/cities.json', import.meta.url), 'utf8'));
  const places: Record<string, string> = {};
  const add = (en: string, lang: string, name: string) => {
    for (const f of phraseForms(lang, name)) places[phraseKeys(f).join(' ')] ??= en;
  };
  for (const e of entities) if (e.type === 'country' && e.capital?.en) for (const [lang, name] of Object.entries(e.capital)) add(e.capital.en, lang, name!);
  for (const c of cities) {
    const en = c.en as string;
    add(en, 'en', en);
    for (const [lang, names] of Object.entries(c)) if (lang !== 'en') for (const n of names as string[]) add(en, lang, n);
  }
  return places;
}

function roleRows(e: PersonSource, indexOf: Map<string, number>): number[] | undefined {
  const out: number[] = [];
  const endDay = (d: string) => dayNumber(d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-28` : d);
  for (const p of e.positions) {
    const code = ROLE_CODES[p.role];
    const of = indexOf.get(p.of);
    if (!code || of === undefined || !p.start) continue;
    out.push(code, of, dayNumber(p.start), p.end ? endDay(p.end) : 0);
  }
  return out.length ? out : undefined;
}

export async function buildDictionary() {
  const { entities: raw, meetings, problems } = loadSources();
  // --draft (while curators are mid-way): report broken references as warnings instead of failing
  const draft = process.argv.includes('--draft');
  const invariants = checkInvariants(raw, meetings);
  if (draft) for (const p of invariants) console.warn(`warning: ${formatProblem(p)}`);
  const all = [...problems, ...(draft ? [] : invariants)];
  if (all.length) {
    for (const p of all) console.error(formatProblem(p));
    throw new Error(`the dictionary has ${all.length} problem(s); nothing was written`);
  }
  const entities = mergeEntities(raw);
  countryNamesFromCldr(entities);
  traditionalChinese(entities);
  await ru.initRussian();
  const { forms, stats } = await buildForms(entities);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const indexOf = new Map(entities.map((e, i) => [e.id, i]));
  const table: IndexEntity[] = entities.map((e) => {
    const row: IndexEntity = { id: e.id, type: e.type, name: e.name };
    if (e.type === 'organization' && e.partOf?.length) row.partOf = e.partOf.map((p) => byId.get(p)?.name ?? p);
    if (e.type === 'person') {
      const r = roleRows(e, indexOf);
      if (r) row.roles = r;
      if (e.positions.some((p) => p.role === 'spokesperson')) row.reporter = true;
    }
    return row;
  });
  // title words get token ids of their own: the matcher then tells "a title stands before the name" by id alone
  const index = compileIndex(table, forms, TITLE_KEYS);
  index.places = placeIndex(entities);
  const facts = buildFacts(entities, meetings);
  mkdirSync(OUT, { recursive: true });
  const indexBin = encodeIndex(index);
  const indexGz = gzipSync(indexBin, { level: 9 });
  const factsJson = JSON.stringify(facts);
  writeFileSync(OUT + 'index.bin.gz', indexGz);
  writeFileSync(OUT + 'facts.json', factsJson);
  const kb = (s: string | Uint8Array) => `${((typeof s === 'string' ? Buffer.byteLength(s) : s.length) / 1024).toFixed(0)} KB`;
  console.log(`dictionary: ${entities.length} entities, ${stats.aliases} names, ${forms.length} forms, ${index.firstEdge.length - 1} trie nodes; index ${kb(indexGz)} (${kb(indexBin)} inflated), facts ${kb(factsJson)}`);
  return { entities, forms, index, facts, stats };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildDictionary().catch((err) => { console.error(`build-dictionary: ${err.message}`); process.exit(1); });
}
