// Turns a Wikidata SPARQL JSON result (application/sparql-results+json) into source entries of our schema and
// compares them with the dictionary. Two shapes of query are understood (the queries are in
// assets/dictionary/README.md, "Refreshing the dictionary from Wikidata"):
//   people:  ?person ?label ?gender ?role ?position ?of ?start ?startPrecision ?end ?endPrecision ?article
//   items:   ?item ?label ?iso2 ?iso3 ?capital ?inception ?inceptionPrecision ?article
// A malformed file is refused as a whole: every problem names the binding index and the variable.
import { entitySchema, type EntitySource, type PersonSource, type Position, type Role } from '../../src/core/dictionary/schema.ts';
import { validDate } from './invariants.ts';

export interface SparqlValue { type: string; value: string; 'xml:lang'?: string; datatype?: string }
export type Binding = Record<string, SparqlValue>;
export interface SparqlResult { vars: string[]; bindings: Binding[] }

/** Wikidata classes of offices (and a few common offices themselves) → our role vocabulary */
export const ROLE_BY_QID: Record<string, Role> = {
  Q48352: 'head-of-state', // head of state
  Q30461: 'head-of-state', // president
  Q116: 'head-of-state', // monarch
  Q2285706: 'head-of-government', // head of government
  Q14212: 'head-of-government', // prime minister
  Q7330070: 'foreign-minister', // minister of foreign affairs
  Q83307: 'minister', // minister
  Q121998: 'ambassador', // ambassador
};
const GENDER_BY_QID: Record<string, 'male' | 'female'> = { Q6581097: 'male', Q6581072: 'female' };
const LABEL_LANGS = ['en', 'ru', 'kk'] as const;
const ROLE_TEXT: Partial<Record<Role, { en: string; ru: string }>> = {
  'head-of-state': { en: 'Head of state', ru: 'Глава государства' },
  'head-of-government': { en: 'Head of government', ru: 'Глава правительства' },
  'foreign-minister': { en: 'Foreign minister', ru: 'Министр иностранных дел' },
  minister: { en: 'Minister', ru: 'Министр' },
  ambassador: { en: 'Ambassador', ru: 'Посол' },
};

export class ImportError extends Error {
  constructor(public problems: string[]) { super(problems.join('\n')); }
}

const QID_URI = /^https?:\/\/www\.wikidata\.org\/entity\/(Q\d+)$/;
const MAX_PROBLEMS = 20;

/** Parses and checks the shape of a SPARQL JSON result; throws ImportError listing what is wrong and where. */
export function parseSparqlJson(text: string): SparqlResult {
  let data: any;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportError([`not valid JSON: ${(err as Error).message}`]);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ImportError(['not a SPARQL JSON result: expected an object with "head" and "results"']);
  const vars = data.head?.vars;
  if (!Array.isArray(vars) || !vars.every((v: unknown) => typeof v === 'string')) throw new ImportError(['not a SPARQL JSON result: "head.vars" must be an array of variable names']);
  const bindings = data.results?.bindings;
  if (!Array.isArray(bindings)) throw new ImportError(['not a SPARQL JSON result: "results.bindings" must be an array']);
  const problems: string[] = [];
  bindings.forEach((b: unknown, i: number) => {
    if (!b || typeof b !== 'object' || Array.isArray(b)) { problems.push(`binding #${i}: expected an object of variables`); return; }
    for (const [k, v] of Object.entries(b as Record<string, any>)) {
      if (!vars.includes(k)) problems.push(`binding #${i}, variable "${k}": not declared in head.vars`);
      else if (!v || typeof v !== 'object' || typeof v.type !== 'string' || typeof v.value !== 'string')
        problems.push(`binding #${i}, variable "${k}": expected { "type": ..., "value": "..." }`);
      else if (!['uri', 'literal', 'typed-literal', 'bnode'].includes(v.type))
        problems.push(`binding #${i}, variable "${k}": unknown value type "${v.type}"`);
    }
  });
  if (problems.length) throw new ImportError(cap(problems));
  return { vars, bindings };
}

const cap = (p: string[]) => (p.length > MAX_PROBLEMS ? [...p.slice(0, MAX_PROBLEMS), `… and ${p.length - MAX_PROBLEMS} more`] : p);

/** a Wikidata time ("+2023-04-03T00:00:00Z") as a partial date of the given precision (9 year, 10 month, 11 day) */
export function wikidataDate(value: string, precision?: number): string | null {
  const m = /^\+?(\d{4})-(\d{2})-(\d{2})(T00:00:00Z?)?$/.exec(value);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (precision === undefined) {
    // without a precision, 1 January is how Wikidata stores a bare year: record no more than the year
    if (mo === '01' && d === '01') return y;
    precision = 11;
  }
  if (precision <= 8) return null;
  const full = `${y}-${mo}-${d}`;
  if (precision === 9) return y;
  if (precision === 10) return mo === '00' ? y : `${y}-${mo}`;
  return validDate(full) ? full : null;
}

/** an ASCII slug for an id: "Hakan Fidan" → "hakan-fidan" */
export function slug(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[ıİ]/g, 'i').replace(/[ß]/g, 'ss').replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd').replace(/[łŁ]/g, 'l').replace(/[æÆ]/g, 'ae')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

type Located = EntitySource & { file?: string };

export interface Change { id: string; file?: string; what: string[] }
export interface ImportReport {
  kind: 'people' | 'items';
  rows: number;
  added: EntitySource[];
  changed: { entry: EntitySource; change: Change }[];
  wouldRemove: { id: string; file?: string; why: string }[];
  warnings: string[];
}

export interface ImportOptions { asOf: string }

/** reads the rows: each row's variables as plain values, with problems located by binding and variable */
class Rows {
  problems: string[] = [];
  constructor(public r: SparqlResult) {}
  qid(i: number, v: string, required = false): string | undefined {
    const x = this.r.bindings[i][v];
    if (!x) { if (required) this.problems.push(`binding #${i}, variable "${v}": missing`); return undefined; }
    const m = x.type === 'uri' ? QID_URI.exec(x.value) : null;
    if (!m) { this.problems.push(`binding #${i}, variable "${v}": expected a Wikidata entity URI (http://www.wikidata.org/entity/Q…), got "${x.value}"`); return undefined; }
    return m[1];
  }
  text(i: number, v: string): string | undefined {
    const x = this.r.bindings[i][v];
    if (!x) return undefined;
    if (x.type !== 'literal' && x.type !== 'typed-literal' && !(x.type === 'uri' && v === 'article')) { this.problems.push(`binding #${i}, variable "${v}": expected a literal, got a ${x.type}`); return undefined; }
    const t = x.value.trim();
    if (!t) { this.problems.push(`binding #${i}, variable "${v}": empty`); return undefined; }
    return t;
  }
  label(i: number, v: string): { lang: string; text: string } | undefined {
    const x = this.r.bindings[i][v];
    if (!x) return undefined;
    const text = this.text(i, v);
    if (text === undefined) return undefined;
    if (!x['xml:lang']) { this.problems.push(`binding #${i}, variable "${v}": a label needs "xml:lang"`); return undefined; }
    return { lang: x['xml:lang'].toLowerCase(), text };
  }
  date(i: number, v: string): string | undefined | null {
    const x = this.r.bindings[i][v];
    if (!x) return undefined;
    // unknown values come as blank nodes or .well-known URIs: no date
    if (x.type === 'bnode' || x.type === 'uri') return null;
    const pv = this.r.bindings[i][`${v}Precision`];
    let precision: number | undefined;
    if (pv) {
      precision = Number(pv.value);
      if (!Number.isInteger(precision)) { this.problems.push(`binding #${i}, variable "${v}Precision": expected an integer, got "${pv.value}"`); return undefined; }
    }
    const d = wikidataDate(x.value, precision);
    if (d === null && (precision === undefined || precision >= 9)) { this.problems.push(`binding #${i}, variable "${v}": "${x.value}" is not a date`); return undefined; }
    return d;
  }
  article(i: number): string | undefined {
    const a = this.text(i, 'article');
    if (a === undefined) return undefined;
    if (!/^https:\/\/en\.wikipedia\.org\/wiki\/\S+$/.test(a)) { this.problems.push(`binding #${i}, variable "article": expected an https://en.wikipedia.org/wiki/… URL, got "${a}"`); return undefined; }
    return a;
  }
}

const titleOf = (article: string) => decodeURIComponent(article.replace(/^https:\/\/en\.wikipedia\.org\/wiki\//, '')).replace(/_/g, ' ');
const sameStart = (a?: string, b?: string) => (!a || !b ? a === b : a.startsWith(b) || b.startsWith(a));
const year = (d?: string) => d?.slice(0, 4);

interface Indexed { byQid: Map<string, Located>; byName: Map<string, Located[]>; merged: Map<string, Located> }

function indexDictionary(dict: Located[]): Indexed {
  const merged = new Map<string, Located>();
  for (const e of dict) {
    const prev = merged.get(e.id);
    if (!prev) { merged.set(e.id, structuredClone(e)); continue; }
    if (prev.type === 'person' && e.type === 'person') {
      prev.positions.push(...e.positions);
      for (const [l, n] of Object.entries(e.names)) prev.names[l as 'en'] = [...new Set([...(prev.names[l as 'en'] ?? []), ...n])];
      prev.wikidata ??= e.wikidata;
    }
  }
  const byQid = new Map<string, Located>();
  const byName = new Map<string, Located[]>();
  for (const e of merged.values()) {
    if (e.wikidata) byQid.set(e.wikidata, e);
    for (const n of new Set([e.name, ...(e.names.en ?? [])].map((x) => x.toLowerCase())))
      (byName.get(n) ?? byName.set(n, []).get(n)!).push(e);
  }
  return { byQid, byName, merged };
}

function findExisting(ix: Indexed, qid: string, enName: string | undefined, type: EntitySource['type']): Located | undefined {
  const q = ix.byQid.get(qid);
  if (q) return q;
  const list = enName ? (ix.byName.get(enName.toLowerCase()) ?? []).filter((e) => e.type === type && (!e.wikidata || e.wikidata === qid)) : [];
  return list.length === 1 ? list[0] : undefined;
}

/** names a label adds to an entry: those it lacks in that language, case aside */
function addNames(target: EntitySource, labels: Map<string, string>, what: string[]): void {
  for (const [lang, text] of labels) {
    const have = target.names[lang as 'en'] ?? [];
    if (have.some((n) => n.toLowerCase() === text.toLowerCase())) continue;
    target.names[lang as 'en'] = [...have, text];
    what.push(`names.${lang} + "${text}"`);
  }
}

function collectLabels(rows: Rows, i: number, into: Map<string, string>, langs: readonly string[] = LABEL_LANGS): void {
  for (const v of rows.r.vars.filter((x) => /^label/i.test(x))) {
    const l = rows.label(i, v);
    if (l && langs.includes(l.lang) && !into.has(l.lang)) into.set(l.lang, l.text);
  }
}

export function importWikidata(result: SparqlResult, dict: Located[], opts: ImportOptions): ImportReport {
  if (result.vars.includes('person')) return importPeople(result, dict, opts);
  if (result.vars.includes('item')) return importItems(result, dict, opts);
  throw new ImportError(['head.vars must include "person" (people with positions) or "item" (countries and organizations)']);
}

function importPeople(result: SparqlResult, dict: Located[], opts: ImportOptions): ImportReport {
  const rows = new Rows(result);
  const ix = indexDictionary(dict);
  const warnings: string[] = [];
  if (!result.vars.includes('role') && !result.vars.includes('position')) throw new ImportError(['head.vars must include "role" or "position" for people']);
  if (!result.vars.includes('of')) throw new ImportError(['head.vars must include "of" (the country or organization of the office)']);
  interface P { qid: string; labels: Map<string, string>; gender?: 'male' | 'female'; article?: string; positions: Position[] }
  const people = new Map<string, P>();
  const covered = new Set<string>();
  result.bindings.forEach((_, i) => {
    const qid = rows.qid(i, 'person', true);
    const roleQid = rows.qid(i, 'role');
    const positionQid = rows.qid(i, 'position');
    const ofQid = rows.qid(i, 'of', true);
    const start = rows.date(i, 'start');
    const end = rows.date(i, 'end');
    const gender = rows.qid(i, 'gender');
    const article = rows.article(i);
    if (!qid) return;
    const p = people.get(qid) ?? people.set(qid, { qid, labels: new Map(), positions: [] }).get(qid)!;
    collectLabels(rows, i, p.labels);
    if (gender && GENDER_BY_QID[gender]) p.gender = GENDER_BY_QID[gender];
    if (article) p.article ??= article;
    if (!ofQid) return;
    const role = (roleQid && ROLE_BY_QID[roleQid]) || (positionQid && ROLE_BY_QID[positionQid]);
    if (!role) {
      if (roleQid || positionQid) warnings.push(`binding #${i}: office ${positionQid ?? roleQid} (class ${roleQid ?? '—'}) has no role in our vocabulary; add it to ROLE_BY_QID in scripts/lib/wikidata.ts`);
      else rows.problems.push(`binding #${i}, variable "role": missing (or give "position")`);
      return;
    }
    const of = ix.byQid.get(ofQid);
    if (!of || (of.type !== 'country' && of.type !== 'organization')) { warnings.push(`binding #${i}: ${ofQid} is no country or organization of the dictionary (no "wikidata" field names it); position skipped`); return; }
    covered.add(`${role}@${of.id}`);
    const pos: Position = { role, of: of.id };
    if (start) pos.start = start;
    if (end) pos.end = end;
    if (start === null || end === null) warnings.push(`binding #${i}: ${qid} has an unknown ${start === null ? 'start' : 'end'} date; left out`);
    if (!p.positions.some((x) => x.role === pos.role && x.of === pos.of && x.start === pos.start && x.end === pos.end)) p.positions.push(pos);
  });
  if (rows.problems.length) throw new ImportError(cap(rows.problems));

  const report: ImportReport = { kind: 'people', rows: result.bindings.length, added: [], changed: [], wouldRemove: [], warnings };
  const seen = new Set<string>();
  const takenIds = new Set(ix.merged.keys());
  for (const p of people.values()) {
    const en = p.article ? titleOf(p.article) : p.labels.get('en');
    const existing = findExisting(ix, p.qid, en ?? p.labels.get('en'), 'person') as (PersonSource & { file?: string }) | undefined;
    if (existing) {
      seen.add(existing.id);
      const entry = structuredClone(existing) as PersonSource & { file?: string };
      delete entry.file;
      const what: string[] = [];
      if (!entry.wikidata) { entry.wikidata = p.qid; what.push(`wikidata ${p.qid}`); }
      addNames(entry, p.labels, what);
      for (const pos of p.positions) {
        const same = entry.positions.filter((x) => x.role === pos.role && x.of === pos.of && (sameStart(x.start, pos.start) || (!x.start && !pos.start)));
        if (!same.length) {
          // a different term of an office we already list with no start is not told apart: leave it
          if (entry.positions.some((x) => x.role === pos.role && x.of === pos.of && !x.start && !x.end)) continue;
          entry.positions.push(pos);
          what.push(`positions + ${describe(pos)}`);
          continue;
        }
        const x = same[0];
        if (!x.end && pos.end && pos.end >= (x.start ?? '')) { x.end = pos.end; what.push(`positions ${pos.role}@${pos.of} end → ${pos.end}`); }
        else if (x.end && pos.end && year(x.end) !== year(pos.end)) warnings.push(`${entry.id}: ${pos.role}@${pos.of} ends ${x.end} here, ${pos.end} in Wikidata; left as it is`);
      }
      if (what.length) {
        entry.asOf = opts.asOf;
        if (!entry.sources.includes(`https://www.wikidata.org/wiki/${p.qid}`)) entry.sources = [...entry.sources, `https://www.wikidata.org/wiki/${p.qid}`];
        report.changed.push({ entry, change: { id: entry.id, file: existing.file, what } });
      }
      continue;
    }
    if (!en) { warnings.push(`${p.qid}: no English label or article; not added`); continue; }
    if (!p.positions.length) { warnings.push(`${p.qid} (${en}): no position we can map; not added`); continue; }
    const id = `person:${slug(en)}`;
    if (takenIds.has(id) || id === 'person:') { warnings.push(`${p.qid} (${en}): the id ${id} is taken by another entry (or empty); add this person by hand`); continue; }
    takenIds.add(id);
    const names: PersonSource['names'] = { en: [...new Set([en, p.labels.get('en')].filter(Boolean) as string[])] };
    for (const l of ['ru', 'kk'] as const) if (p.labels.get(l)) names[l] = [p.labels.get(l)!];
    const entry: PersonSource = {
      id, type: 'person', name: en, wikidata: p.qid, names,
      ...(p.gender ? { gender: p.gender } : {}),
      desc: personDesc(p.positions, ix),
      positions: p.positions,
      sources: [...(p.article ? [p.article] : []), `https://www.wikidata.org/wiki/${p.qid}`],
      asOf: opts.asOf,
    };
    report.added.push(entry);
  }
  // people the dictionary has in an office the file covers, whom the file does not show holding it
  for (const e of ix.merged.values()) {
    if (e.type !== 'person' || seen.has(e.id)) continue;
    for (const pos of e.positions) if (!pos.end && covered.has(`${pos.role}@${pos.of}`))
      report.wouldRemove.push({ id: e.id, file: e.file, why: `holds ${pos.role}@${pos.of} here; not in the Wikidata result` });
  }
  return validate(report);
}

function describe(p: Position): string {
  return `${p.role}@${p.of}${p.start ? ` ${p.start}` : ''}..${p.end ?? ''}`;
}

function personDesc(positions: Position[], ix: Indexed): { en: string; ru: string } {
  const p = [...positions].sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''))[0];
  const of = ix.merged.get(p.of);
  const t = ROLE_TEXT[p.role] ?? { en: p.role, ru: p.role };
  const span = (lang: 'en' | 'ru') => p.end ? ` (${year(p.start) ?? '?'}–${year(p.end)})` : p.start ? (lang === 'en' ? ` since ${year(p.start)}` : ` с ${year(p.start)} года`) : '';
  return {
    en: `${t.en} of ${of?.name ?? p.of}${span('en')} (imported from Wikidata; to be reviewed).`,
    ru: `${t.ru}: ${of?.names.ru?.[0] ?? of?.name ?? p.of}${span('ru')} (импорт из Викиданных; проверить).`,
  };
}

function importItems(result: SparqlResult, dict: Located[], opts: ImportOptions): ImportReport {
  const rows = new Rows(result);
  const ix = indexDictionary(dict);
  const warnings: string[] = [];
  interface I { qid: string; labels: Map<string, string>; iso2?: string; iso3?: string; capital: Map<string, string>; founded?: string; article?: string }
  const items = new Map<string, I>();
  result.bindings.forEach((_, i) => {
    const qid = rows.qid(i, 'item', true);
    const iso2 = rows.text(i, 'iso2');
    const iso3 = rows.text(i, 'iso3');
    const founded = rows.date(i, 'inception');
    const article = rows.article(i);
    if (iso2 && !/^[A-Z]{2}$/.test(iso2)) rows.problems.push(`binding #${i}, variable "iso2": expected two capital letters, got "${iso2}"`);
    if (iso3 && !/^[A-Z]{3}$/.test(iso3)) rows.problems.push(`binding #${i}, variable "iso3": expected three capital letters, got "${iso3}"`);
    if (!qid) return;
    const it = items.get(qid) ?? items.set(qid, { qid, labels: new Map(), capital: new Map() }).get(qid)!;
    collectLabels(rows, i, it.labels);
    if (result.vars.includes('capital')) {
      const c = rows.label(i, 'capital');
      if (c && (LABEL_LANGS as readonly string[]).includes(c.lang) && !it.capital.has(c.lang)) it.capital.set(c.lang, c.text);
    }
    it.iso2 ??= iso2; it.iso3 ??= iso3; it.article ??= article;
    if (founded) it.founded ??= founded;
  });
  if (rows.problems.length) throw new ImportError(cap(rows.problems));

  const report: ImportReport = { kind: 'items', rows: result.bindings.length, added: [], changed: [], wouldRemove: [], warnings };
  const seen = new Set<string>();
  const types = new Set<string>();
  for (const it of items.values()) {
    const en = it.article ? titleOf(it.article) : it.labels.get('en');
    const type = it.iso2 ? 'country' : (ix.byQid.get(it.qid)?.type ?? 'organization');
    types.add(type);
    const existing = findExisting(ix, it.qid, en, type as 'country');
    if (existing) {
      seen.add(existing.id);
      const entry = structuredClone(existing) as EntitySource & { file?: string };
      delete entry.file;
      const what: string[] = [];
      if (!entry.wikidata) { entry.wikidata = it.qid; what.push(`wikidata ${it.qid}`); }
      addNames(entry, it.labels, what);
      if (entry.type === 'country') {
        if (it.iso2 && entry.iso2 !== it.iso2) { what.push(`iso2 ${entry.iso2 ?? '—'} → ${it.iso2}`); entry.iso2 = it.iso2; }
        if (it.iso3 && entry.iso3 !== it.iso3) { what.push(`iso3 ${entry.iso3 ?? '—'} → ${it.iso3}`); entry.iso3 = it.iso3; }
        for (const [l, c] of it.capital) if (entry.capital?.[l as 'en'] !== c) {
          what.push(`capital.${l} ${entry.capital?.[l as 'en'] ? `"${entry.capital[l as 'en']}"` : '—'} → "${c}"`);
          entry.capital = { ...entry.capital, [l]: c };
        }
      }
      if (entry.type === 'organization' && it.founded && !entry.founded) { entry.founded = it.founded; what.push(`founded ${it.founded}`); }
      else if (entry.type === 'organization' && it.founded && entry.founded && year(entry.founded) !== year(it.founded))
        warnings.push(`${entry.id}: founded ${entry.founded} here, ${it.founded} in Wikidata; left as it is`);
      if (what.length) {
        entry.asOf = opts.asOf;
        if (!entry.sources.includes(`https://www.wikidata.org/wiki/${it.qid}`)) entry.sources = [...entry.sources, `https://www.wikidata.org/wiki/${it.qid}`];
        report.changed.push({ entry, change: { id: entry.id, file: existing.file, what } });
      }
      continue;
    }
    if (!en) { warnings.push(`${it.qid}: no English label or article; not added`); continue; }
    const id = type === 'country' ? `country:${it.iso2!.toLowerCase()}` : `org:${slug(en)}`;
    if (ix.merged.has(id)) { warnings.push(`${it.qid} (${en}): the id ${id} is taken by another entry; add it by hand`); continue; }
    const names: EntitySource['names'] = { en: [en] };
    for (const l of ['ru', 'kk'] as const) if (it.labels.get(l)) names[l] = [it.labels.get(l)!];
    const sources = [...(it.article ? [it.article] : []), `https://www.wikidata.org/wiki/${it.qid}`];
    const desc = type === 'country'
      ? { en: 'Country (imported from Wikidata; to be described).', ru: 'Государство (импорт из Викиданных; описать).' }
      : { en: 'Organization (imported from Wikidata; to be described).', ru: 'Организация (импорт из Викиданных; описать).' };
    const entry = type === 'country'
      ? { id, type: 'country' as const, name: en, wikidata: it.qid, names, desc, iso2: it.iso2, ...(it.iso3 ? { iso3: it.iso3 } : {}), ...(it.capital.size ? { capital: Object.fromEntries(it.capital) } : {}), un: 'none' as const, sources, asOf: opts.asOf }
      : { id, type: 'organization' as const, name: en, wikidata: it.qid, names, desc, ...(it.founded ? { founded: it.founded } : {}), sources, asOf: opts.asOf };
    if (type === 'country') warnings.push(`${id}: new country; set its "un" status by hand (written as "none")`);
    report.added.push(entry as EntitySource);
  }
  for (const e of ix.merged.values()) if (types.has(e.type) && e.wikidata && !seen.has(e.id))
    report.wouldRemove.push({ id: e.id, file: e.file, why: `${e.wikidata} is not in the Wikidata result` });
  return validate(report);
}

/** every entry written must pass the schema; one that does not is dropped with a warning */
function validate(r: ImportReport): ImportReport {
  const ok = (e: EntitySource) => {
    const p = entitySchema.safeParse(e);
    if (!p.success) r.warnings.push(`${e.id}: left out, not valid (${p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
    return p.success;
  };
  r.added = r.added.filter(ok);
  r.changed = r.changed.filter((c) => ok(c.entry));
  return r;
}

export function formatReport(r: ImportReport, file: string): string {
  const out = [`dict:import ${file}: ${r.rows} row(s) of ${r.kind}; ${r.added.length} added, ${r.changed.length} changed, ${r.wouldRemove.length} would be removed`];
  out.push(`added (${r.added.length}):`);
  for (const e of r.added) out.push(`  + ${e.id}  ${e.name} (${e.wikidata})${e.type === 'person' ? ': ' + e.positions.map(describe).join(', ') : ''}`);
  out.push(`changed (${r.changed.length}):`);
  for (const { change } of r.changed) out.push(`  ~ ${change.id}${change.file ? ` (${change.file})` : ''}: ${change.what.join('; ')}`);
  out.push(`would remove (${r.wouldRemove.length}; never done by the importer, check by hand):`);
  for (const w of r.wouldRemove) out.push(`  - ${w.id}${w.file ? ` (${w.file})` : ''}: ${w.why}`);
  if (r.warnings.length) {
    out.push(`warnings (${r.warnings.length}):`);
    for (const w of r.warnings) out.push(`  ! ${w}`);
  }
  return out.join('\n');
}
