// `npm run dict:import`: Wikidata SPARQL JSON → entries of our schema, compared with the dictionary.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseSparqlJson, importWikidata, wikidataDate, slug, ImportError } from '../../scripts/lib/wikidata.ts';
import { loadSources } from '../../scripts/lib/sources.ts';
import { sourceFileSchema } from '../../src/core/dictionary/schema.ts';

const FIX = new URL('../fixtures/wikidata/', import.meta.url).pathname;
const DICT = FIX + 'dict/';
const dict = () => loadSources(DICT).entities;
const load = (f: string) => parseSparqlJson(readFileSync(FIX + f, 'utf8'));
const ROOT = new URL('../../', import.meta.url).pathname;
const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/import-wikidata.ts'), ...args], { encoding: 'utf8', cwd: ROOT });

describe('Wikidata dates and ids', () => {
  it('records a date no more precisely than Wikidata knows it', () => {
    expect(wikidataDate('+2023-04-03T00:00:00Z', 11)).toBe('2023-04-03');
    expect(wikidataDate('+2023-04-01T00:00:00Z', 10)).toBe('2023-04');
    expect(wikidataDate('+2023-00-00T00:00:00Z', 9)).toBe('2023');
    expect(wikidataDate('2019-01-01T00:00:00Z')).toBe('2019');
    expect(wikidataDate('2019-05-07T00:00:00Z')).toBe('2019-05-07');
    expect(wikidataDate('2023-02-30T00:00:00Z', 11)).toBeNull();
    expect(wikidataDate('+1900-00-00T00:00:00Z', 7)).toBeNull();
  });
  it('makes ASCII slugs', () => {
    expect(slug('Hakan Fidan')).toBe('hakan-fidan');
    expect(slug('Radosław Sikorski')).toBe('radoslaw-sikorski');
    expect(slug('Lars Løkke Rasmussen')).toBe('lars-lokke-rasmussen');
  });
});

describe('importing people with positions', () => {
  const r = importWikidata(load('people.json'), dict(), { asOf: '2026-11-01' });
  it('adds new people as valid entries of our schema', () => {
    expect(r.kind).toBe('people');
    expect(r.added.map((e) => e.id)).toEqual(['person:yermek-kosherbayev', 'person:olzhas-bektenov']);
    const k = r.added[0] as any;
    expect(k).toMatchObject({
      name: 'Yermek Kosherbayev', wikidata: 'Q900000003', gender: 'male', asOf: '2026-11-01',
      names: { en: ['Yermek Kosherbayev'], ru: ['Ермек Кошербаев'] },
      positions: [{ role: 'foreign-minister', of: 'country:kz', start: '2025-09-26' }],
    });
    expect(k.sources).toEqual(['https://en.wikipedia.org/wiki/Yermek_Kosherbayev', 'https://www.wikidata.org/wiki/Q900000003']);
    expect(sourceFileSchema.safeParse(r.added).success).toBe(true);
  });
  it('matches by English name when the entry has no QID, and reports what changes', () => {
    expect(r.changed).toHaveLength(1);
    const { entry, change } = r.changed[0] as any;
    expect(change).toMatchObject({ id: 'person:murat-nurtleu', file: 'people/test.json' });
    expect(change.what).toEqual(['wikidata Q900000001', 'names.kk + "Мұрат Нұртілеу"', 'positions foreign-minister@country:kz end → 2025-09-26']);
    // the curated, less precise start stays
    expect(entry.positions).toEqual([{ role: 'foreign-minister', of: 'country:kz', start: '2023-04', end: '2025-09-26' }]);
  });
  it('leaves alone who is unchanged (matched by QID) and reports who would go', () => {
    expect(r.changed.map((c) => c.entry.id)).not.toContain('person:hakan-fidan');
    expect(r.wouldRemove).toEqual([{ id: 'person:alikhan-smailov', file: 'people/test.json', why: expect.stringMatching(/head-of-government@country:kz/) }]);
  });
  it('warns about offices outside our vocabulary and places outside the dictionary', () => {
    expect(r.warnings.join('\n')).toMatch(/binding #8: office Q900000998 .* no role in our vocabulary/);
    expect(r.warnings.join('\n')).toMatch(/binding #9: Q900000777 is no country or organization/);
  });
});

describe('importing countries and organizations', () => {
  const r = importWikidata(load('items.json'), dict(), { asOf: '2026-11-01' });
  it('adds labels and capitals, new countries and organizations', () => {
    expect(r.kind).toBe('items');
    expect(r.added.map((e) => e.id)).toEqual(['country:xk', 'org:nato']);
    expect(r.added[1]).toMatchObject({ type: 'organization', founded: '1949-04-04', names: { en: ['NATO'], ru: ['НАТО'] } });
    expect(r.changed.map((c) => [c.change.id, c.change.what])).toEqual([
      ['country:kz', ['names.kk + "Қазақстан"', 'capital.kk — → "Астана"']],
      ['country:tr', ['names.en + "Türkiye"']],
    ]);
    // a new label is a variant: the label shown to users stays first
    expect(r.changed[1].entry.names.en).toEqual(['Turkey', 'Türkiye']);
    expect(r.wouldRemove.map((w) => w.id)).toEqual(['country:us']);
    expect(sourceFileSchema.safeParse([...r.added, ...r.changed.map((c) => c.entry)]).success).toBe(true);
  });
});

describe('refusing a bad file', () => {
  it('names the binding index and the variable of every problem', () => {
    let err: ImportError | undefined;
    try { importWikidata(load('broken.json'), dict(), { asOf: '2026-11-01' }); } catch (e) { err = e as ImportError; }
    expect(err).toBeInstanceOf(ImportError);
    expect(err!.problems).toEqual([
      'binding #0, variable "label": a label needs "xml:lang"',
      expect.stringMatching(/^binding #1, variable "of": expected a Wikidata entity URI .* got "Kazakhstan"$/),
      'binding #2, variable "start": "2023-02-30T00:00:00Z" is not a date',
      'binding #3, variable "person": missing',
    ]);
  });
  it('refuses what is not a SPARQL JSON result', () => {
    expect(() => parseSparqlJson('{')).toThrow(/not valid JSON/);
    expect(() => load('not-sparql.json')).toThrow(/"head\.vars" must be an array/);
    expect(() => parseSparqlJson(JSON.stringify({ head: { vars: ['item'] }, results: { bindings: [{ item: { type: 'uri', value: 'x' }, other: { type: 'literal', value: 'y' } }] } })))
      .toThrow(/binding #0, variable "other": not declared in head.vars/);
    expect(() => parseSparqlJson(JSON.stringify({ head: { vars: ['item'] }, results: { bindings: [{ item: 'Q1' }] } })))
      .toThrow(/binding #0, variable "item": expected \{ "type"/);
    expect(() => importWikidata(parseSparqlJson(JSON.stringify({ head: { vars: ['x'] }, results: { bindings: [] } })), [], { asOf: '2026-01-01' }))
      .toThrow(/must include "person" .* or "item"/);
  });
});

describe('the dict:import command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplolens-import-'));
  it('refuses a broken file with exit code 2 and writes nothing', () => {
    const out = join(dir, 'never.json');
    const res = cli([FIX + 'broken.json', '--dict', DICT, '--write', out]);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/broken\.json: binding #2, variable "start"/);
    expect(existsSync(out)).toBe(false);
  });
  it('prints the comparison and writes new and changed entries', () => {
    const out = join(dir, 'new.json');
    const res = cli([FIX + 'people.json', '--dict', DICT, '--as-of', '2026-11-01', '--write', out]);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/2 added, 1 changed, 1 would be removed/);
    expect(res.stdout).toMatch(/\+ person:yermek-kosherbayev/);
    expect(res.stdout).toMatch(/~ person:murat-nurtleu \(people\/test\.json\)/);
    expect(res.stdout).toMatch(/- person:alikhan-smailov/);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.map((e: any) => e.id)).toEqual(['person:yermek-kosherbayev', 'person:olzhas-bektenov', 'person:murat-nurtleu']);
    expect(sourceFileSchema.safeParse(written).success).toBe(true);
  });
  it('never overwrites a curated file, nor any existing file without --force', () => {
    const curated = join(DICT, 'countries.json');
    const before = readFileSync(curated, 'utf8');
    const res = cli([FIX + 'items.json', '--dict', DICT, '--write', curated, '--force']);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/curated dictionary file/);
    expect(readFileSync(curated, 'utf8')).toBe(before);
    const mine = join(dir, 'mine.json');
    writeFileSync(mine, '[]');
    expect(cli([FIX + 'items.json', '--dict', DICT, '--write', mine]).status).toBe(2);
    expect(readFileSync(mine, 'utf8')).toBe('[]');
    expect(cli([FIX + 'items.json', '--dict', DICT, '--write', mine, '--force']).status).toBe(0);
  });
  it('rejects a future --as-of and unknown options', () => {
    expect(cli([FIX + 'items.json', '--dict', DICT, '--as-of', '2999-01-01']).stderr).toMatch(/in the future/);
    expect(cli([FIX + 'items.json', '--bogus']).status).toBe(2);
  });
});
