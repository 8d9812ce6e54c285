// dict:check invariants: each bad input is reported with its file, entry id and field.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { checkInvariants, validDate } from '../../scripts/lib/invariants.ts';
import { loadSources, formatProblem, type SourceProblem } from '../../scripts/lib/sources.ts';

const TODAY = '2026-11-26';
const base = { names: { en: ['X'] }, desc: { en: 'x', ru: 'x' }, sources: ['https://en.wikipedia.org/wiki/X'], asOf: '2025-01-01' };
const country = (id: string, extra: object = {}) => ({ ...base, id, type: 'country', name: id, names: { en: [id] }, un: 'member', file: 'countries.json', ...extra }) as any;
const person = (id: string, positions: object[], extra: object = {}) => ({ ...base, id, type: 'person', name: id, names: { en: [id] }, positions, file: 'people/test.json', ...extra }) as any;
const org = (id: string, extra: object = {}) => ({ ...base, id, type: 'organization', name: id, names: { en: [id] }, file: 'organizations.json', ...extra }) as any;
const treaty = (id: string, extra: object = {}) => ({ ...base, id, type: 'treaty', name: id, names: { en: [id] }, file: 'treaties.json', ...extra }) as any;

const check = (entities: any[], meetings: unknown[] = []) => checkInvariants(entities, meetings, { today: TODAY });
/** the one problem expected, located exactly */
function only(problems: SourceProblem[], file: string, id: string, field: string, message: RegExp) {
  expect(problems.map(formatProblem)).toHaveLength(1);
  expect(problems[0]).toMatchObject({ file, id, field });
  expect(problems[0].message).toMatch(message);
  expect(formatProblem(problems[0])).toContain(`${file} [${id}] ${field}`);
}

describe('dict:check invariants', () => {
  const kz = country('country:kz');
  it('accepts a clean dictionary', () => {
    expect(check([kz, person('person:a-b', [{ role: 'foreign-minister', of: 'country:kz', start: '2020', end: '2021-03-04' }])])).toEqual([]);
  });
  it('knows calendar days', () => {
    for (const d of ['2024-02-29', '2023-02-28', '2023', '2023-04', '2023-12-31']) expect(validDate(d), d).toBe(true);
    for (const d of ['2023-02-29', '2023-02-30', '2023-04-31', '1900-02-29', '2023-13', '2023-00-10']) expect(validDate(d), d).toBe(false);
  });
  it('rejects a duplicate id, also twice in one people file', () => {
    only(check([kz, country('country:kz')]), 'countries.json', 'country:kz', 'id', /also used/);
    only(check([kz, person('person:a', []), person('person:a', [])]), 'people/test.json', 'person:a', 'id', /same file/);
    expect(check([kz, person('person:a', []), person('person:a', [], { file: 'people/other.json' })])).toEqual([]);
  });
  it('rejects a reference to an unknown entity', () => {
    only(check([kz, person('person:a', [{ role: 'minister', of: 'country:zz' }])]), 'people/test.json', 'person:a', 'positions.0.of', /unknown entity country:zz/);
    only(check([kz, org('org:x', { partOf: ['org:y'] })]), 'organizations.json', 'org:x', 'partOf.0', /unknown entity org:y/);
    only(check([kz, org('org:x', { members: [{ id: 'country:kz' }, { id: 'country:qq' }] })]), 'organizations.json', 'org:x', 'members.1.id', /country:qq/);
    only(check([kz, treaty('treaty:t', { parties: [{ id: 'country:qq' }] })]), 'treaties.json', 'treaty:t', 'parties.0.id', /country:qq/);
    only(check([kz], [{ id: 'meeting:m', participants: ['person:nobody'], date: '2024-01-01', sources: ['https://x.org'], asOf: '2024-01-02' }]), 'meetings.json', 'meeting:m', 'participants.0', /person:nobody/);
  });
  it('rejects dates that are not calendar days', () => {
    only(check([kz, person('person:a', [{ role: 'minister', of: 'country:kz', start: '2023-02-30' }])]), 'people/test.json', 'person:a', 'positions.0.start', /"2023-02-30" is not a calendar date/);
    only(check([kz, org('org:x', { founded: '1991-04-31' })]), 'organizations.json', 'org:x', 'founded', /not a calendar date/);
    only(check([kz, treaty('treaty:t', { signed: { date: '2021-02-29' } })]), 'treaties.json', 'treaty:t', 'signed.date', /not a calendar date/);
    only(check([{ ...kz, asOf: '2025-06-31' }]), 'countries.json', 'country:kz', 'asOf', /not a calendar date/);
    only(check([kz, org('org:x', { members: [{ id: 'country:kz', until: '2019-11-31' }] })]), 'organizations.json', 'org:x', 'members.0.until', /not a calendar date/);
  });
  it('rejects dates out of order', () => {
    only(check([kz, person('person:a', [{ role: 'minister', of: 'country:kz', start: '2022-05-01', end: '2021' }])]), 'people/test.json', 'person:a', 'positions.0', /start 2022-05-01 is after 2021/);
    only(check([kz, org('org:x', { members: [{ id: 'country:kz', since: '2000', until: '1999-12-31' }] })]), 'organizations.json', 'org:x', 'members.0', /member since 2000 is after 1999-12-31/);
    only(check([kz, treaty('treaty:t', { signed: { date: '2010-04-08' }, inForce: '2010-02-05' })]), 'treaties.json', 'treaty:t', 'inForce', /signed 2010-04-08 is after 2010-02-05/);
    only(check([kz, treaty('treaty:t', { parties: [{ id: 'country:kz', signed: '2001', ratified: '2000' }] })]), 'treaties.json', 'treaty:t', 'parties.0', /signed 2001 is after 2000/);
    // partial dates overlap their whole month or year: not out of order
    expect(check([kz, person('person:a', [{ role: 'minister', of: 'country:kz', start: '2021-05-20', end: '2021-05' }])])).toEqual([]);
  });
  it('allows one holder of a single-holder office at a time', () => {
    const a = person('person:a', [{ role: 'head-of-government', of: 'country:kz', start: '2019', end: '2022-01-05' }]);
    const b = person('person:b', [{ role: 'head-of-government', of: 'country:kz', start: '2021-06-01' }], { file: 'people/gaps.json' });
    only(check([kz, a, b]), 'people/gaps.json', 'person:b', 'positions', /head-of-government@country:kz overlaps person:a/);
    // a hand-over on the same day is fine, and so are shared offices and several ministers
    const c = person('person:c', [{ role: 'head-of-government', of: 'country:kz', start: '2022-01-05' }]);
    expect(check([kz, a, c])).toEqual([]);
    expect(check([kz, person('person:x', [{ role: 'minister', of: 'country:kz', start: '2020' }]), person('person:y', [{ role: 'minister', of: 'country:kz', start: '2020' }])])).toEqual([]);
    expect(check([kz, person('person:x', [{ role: 'head-of-state', of: 'country:kz', start: '2020', shared: true }]), person('person:y', [{ role: 'head-of-state', of: 'country:kz', start: '2020', shared: true }])])).toEqual([]);
    // a holder without dates holds the office on the entry's asOf day
    const d = person('person:d', [{ role: 'head-of-government', of: 'country:kz' }], { asOf: '2023-03-01' });
    only(check([kz, c, d]), 'people/test.json', 'person:d', 'positions', /overlaps person:c/);
  });
  it('requires a rule for a name or abbreviation shared by two entities', () => {
    const x = org('org:x', { names: { en: ['Union'] }, abbr: { fr: ['BAD'] } });
    const y = org('org:y', { names: { en: ['union'] }, file: 'organizations2.json' });
    only(check([kz, x, y]), 'organizations.json', 'org:x', 'names', /"union" \(en\) is also a name of org:y/);
    const z = org('org:z', { names: { en: ['Zed'] }, abbr: { fr: ['BAD'] } });
    only(check([kz, x, z]), 'organizations.json', 'org:x', 'abbr', /"BAD" \(fr\) is also a name of org:z/);
    // abbreviations are case-sensitive
    expect(check([kz, x, org('org:z', { names: { en: ['Zed'] }, abbr: { fr: ['Bad'] } })])).toEqual([]);
    const rule = { ambiguous: { fr: ['BAD'] } };
    expect(check([kz, { ...x, ...rule }, { ...z, ...rule }])).toEqual([]);
    only(check([kz, org('org:w', { ambiguous: { en: ['Nowhere'] } })]), 'organizations.json', 'org:w', 'ambiguous.en', /not among the entry's names/);
  });
  it('requires sources and an as-of day that is not in the future', () => {
    only(check([{ ...kz, asOf: '2026-11-27' }]), 'countries.json', 'country:kz', 'asOf', /in the future \(today is 2026-11-26\)/);
    expect(check([{ ...kz, asOf: TODAY }])).toEqual([]);
    only(check([{ ...kz, sources: [] }]), 'countries.json', 'country:kz', 'sources', /no source/);
    only(check([kz, person('person:a', [{ role: 'minister', of: 'country:kz', start: '2027-01-01' }])]), 'people/test.json', 'person:a', 'positions.0.start', /in the future/);
    only(check([kz], [{ id: 'meeting:m', participants: [], date: '2024-01-01', sources: [], asOf: '2024-01-02' }]), 'meetings.json', 'meeting:m', 'sources', /no source/);
    only(check([kz], [{ id: 'meeting:m', participants: [], date: '2024-01-01', sources: ['https://x.org'], asOf: '2027-01-02' }]), 'meetings.json', 'meeting:m', 'asOf', /in the future/);
    only(check([kz], [{ id: 'meeting:m', participants: [], date: '2024-02-30', sources: ['https://x.org'], asOf: '2024-03-02' }]), 'meetings.json', 'meeting:m', 'date', /not a calendar date/);
  });
});

describe('loading the sources', () => {
  it('names the file, the entry id and the field of a schema error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diplolens-dict-'));
    mkdirSync(join(dir, 'people'));
    writeFileSync(join(dir, 'people', 'bad.json'), JSON.stringify([{ ...base, id: 'person:a', type: 'person', name: 'A', positions: [{ role: 'king', of: 'country:kz' }] }, { ...base, id: 'person:b', type: 'person', name: 'B', asOf: '2025' }]));
    writeFileSync(join(dir, 'broken.json'), '[{');
    const { problems } = loadSources(dir);
    const lines = problems.map(formatProblem);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^broken\.json: not valid JSON/),
      expect.stringMatching(/^people\/bad\.json \[person:a\] positions\.0\.role: /),
      expect.stringMatching(/^people\/bad\.json \[person:b\] asOf: expected YYYY-MM-DD/),
    ]));
  });
});
