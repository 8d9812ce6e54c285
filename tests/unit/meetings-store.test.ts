// The remembered meetings in IndexedDB (fake-indexeddb): one meeting across outlets and languages, every source
// kept, filters, migrations that keep data, imports that are refused whole, exports that round-trip.
import 'fake-indexeddb/auto';
import { describe, it, expect, afterEach } from 'vitest';
import { openDB } from 'idb';
import { openMeetingsStore, openMeetingsDb, DB_VERSION, type MeetingsStore } from '../../src/background/meetings-store.ts';
import { parseCsv, readingFacts } from '../../src/background/meetings-format.ts';
import type { MeetingOut } from '../../src/core/contracts.ts';

const NURTLEU = { id: 'person:murat-nurtleu', name: 'Murat Nurtleu' };
const BORG = { id: 'person:ian-borg', name: 'Ian Borg' };
const LAVROV = { id: 'person:sergey-lavrov', name: 'Sergey Lavrov' };

const meeting = (over: Partial<MeetingOut> = {}): MeetingOut => ({
  participants: [NURTLEU, BORG], date: '2024-06-25', place: 'Astana', kind: 'in-person', cameo: '044',
  evidence: 'Kazakh Foreign Minister Murat Nurtleu met OSCE Chairman-in-Office Ian Borg in Astana.', ...over,
});
const RU = { url: 'https://total.kz/ru/news/nurtleu-borch', title: 'Нуртлеу и Борч: встреча в Астане', lang: 'ru', readAt: '2024-06-25T10:00:00.000Z' };
const EN = { url: 'https://astanatimes.com/2024/06/nurtleu-borg', title: 'Nurtleu meets Borg in Astana', lang: 'en', readAt: '2024-06-26T08:30:00.000Z' };

let n = 0;
const open: MeetingsStore[] = [];
async function fresh(): Promise<MeetingsStore> {
  const s = await openMeetingsStore(`test-${++n}-${Date.now()}`);
  open.push(s);
  return s;
}
afterEach(() => { while (open.length) open.pop()!.close(); });

describe('remembering meetings', () => {
  it('keeps one meeting for the same participants and date read in two outlets and two languages, with both sources', async () => {
    const s = await fresh();
    await s.addPage(RU, [meeting({ evidence: 'Мурат Нуртлеу провел встречу с Иэном Борчем.' })]);
    // participants in the other order, from an English page
    await s.addPage(EN, [meeting({ participants: [BORG, NURTLEU] })]);
    const list = await s.list();
    expect(list).toHaveLength(1);
    expect(list[0].sources.map((x) => [x.url, x.lang])).toEqual([[RU.url, 'ru'], [EN.url, 'en']]);
    expect(list[0].sources[0]).toMatchObject({ title: RU.title, readAt: RU.readAt, evidence: 'Мурат Нуртлеу провел встречу с Иэном Борчем.' });
    expect(list[0].lastRead).toBe(EN.readAt);
  });

  it('counts a page read twice (or with a different #fragment) as one source', async () => {
    const s = await fresh();
    await s.addPage(RU, [meeting()]);
    const again = await s.addPage({ ...RU, url: RU.url + '#comments', readAt: '2024-06-27T00:00:00.000Z' }, [meeting()]);
    expect(again).toEqual({ added: 0, updated: 0 });
    expect((await s.list())[0].sources).toHaveLength(1);
  });

  it('keeps meetings on different dates, or with different people, apart', async () => {
    const s = await fresh();
    await s.addPage(EN, [meeting(), meeting({ date: '2024-06-26' }), meeting({ participants: [NURTLEU, LAVROV], date: '2023-04-12', place: 'Moscow' })]);
    expect((await s.list()).map((m) => m.date)).toEqual(['2024-06-26', '2024-06-25', '2023-04-12']);
  });

  it('filters by participant, date range and words, deletes one and clears all', async () => {
    const s = await fresh();
    await s.addPage(EN, [meeting(), meeting({ participants: [NURTLEU, LAVROV], date: '2023-04-12', place: 'Moscow', evidence: 'Nurtleu held talks with Lavrov in Moscow.' })]);
    expect((await s.list({ participant: LAVROV.id })).map((m) => m.place)).toEqual(['Moscow']);
    expect((await s.list({ participant: NURTLEU.id }))).toHaveLength(2);
    expect((await s.list({ from: '2024-01-01', to: '2024-12-31' })).map((m) => m.place)).toEqual(['Astana']);
    expect((await s.list({ participant: NURTLEU.id, to: '2023-12-31' })).map((m) => m.place)).toEqual(['Moscow']);
    expect((await s.list({ text: 'lavrov MOSCOW' })).map((m) => m.place)).toEqual(['Moscow']);
    expect(await s.list({ text: 'nobody' })).toEqual([]);
    const [astana] = await s.list({ participant: BORG.id });
    expect(await s.remove(astana.key)).toBe(true);
    expect(await s.remove(astana.key)).toBe(false);
    expect((await s.list()).map((m) => m.place)).toEqual(['Moscow']);
    await s.clear();
    expect(await s.list()).toEqual([]);
  });

  it('gives the card facts marked as from reading, with every source and its title', async () => {
    const s = await fresh();
    await s.addPage(RU, [meeting()]);
    await s.addPage(EN, [meeting()]);
    const [fact] = readingFacts(await s.ofParticipants([BORG.id]));
    expect(fact).toMatchObject({ participants: [BORG.id, NURTLEU.id], date: '2024-06-25', fromReading: true, sources: [RU.url, EN.url] });
    expect(fact.readings).toEqual([{ url: RU.url, title: RU.title }, { url: EN.url, title: EN.title }]);
  });
});

describe('schema migrations', () => {
  it('upgrades a version 1 database and keeps every meeting and source in it', async () => {
    const name = `v1-${Date.now()}`;
    // a database as version 1 of the extension left it: the store only, records without ids and lastRead
    const v1 = await openDB(name, 1, { upgrade(db) { db.createObjectStore('meetings', { keyPath: 'key' }); } });
    await v1.put('meetings', {
      key: 'person:ian-borg|person:murat-nurtleu@2024-06-25', participants: [BORG, NURTLEU], date: '2024-06-25', place: 'Astana', kind: 'in-person', cameo: '044',
      sources: [{ url: RU.url, title: RU.title, lang: 'ru', readAt: RU.readAt, evidence: 'e1' }, { url: EN.url, title: EN.title, lang: 'en', readAt: EN.readAt, evidence: 'e2' }],
    });
    v1.close();
    const s = await openMeetingsStore(name);
    open.push(s);
    const list = await s.list({ participant: NURTLEU.id });
    expect(list).toHaveLength(1);
    expect(list[0].ids).toEqual([BORG.id, NURTLEU.id]);
    expect(list[0].lastRead).toBe(EN.readAt);
    expect(list[0].sources.map((x) => x.evidence)).toEqual(['e1', 'e2']);
    // a meeting read after the update joins the old one
    await s.addPage({ ...EN, url: 'https://kt.kz/borg' }, [meeting()]);
    expect((await s.list())[0].sources).toHaveLength(3);
    const db = await openMeetingsDb(name);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('opens an up-to-date database again without touching its data', async () => {
    const name = `again-${Date.now()}`;
    const a = await openMeetingsStore(name);
    await a.addPage(EN, [meeting()]);
    a.close();
    const b = await openMeetingsStore(name);
    open.push(b);
    expect(await b.count()).toBe(1);
  });
});

describe('export and import', () => {
  async function withTwo() {
    const s = await fresh();
    await s.addPage(RU, [meeting({ evidence: 'Нуртлеу, "в духе Хельсинки", встретился с Борчем,\nсообщает Total.kz.' })]);
    await s.addPage(EN, [meeting(), meeting({ participants: [NURTLEU, LAVROV], date: null, place: null, kind: 'announced', cameo: '044', planned: true, evidence: '=HYPERLINK("x") Nurtleu will meet Lavrov' })]);
    return s;
  }

  it('round-trips JSON: a fresh store importing the export holds the same meetings', async () => {
    const s = await withTwo();
    const json = await s.exportJson(new Date('2024-07-01T00:00:00Z'));
    expect(JSON.parse(json)).toMatchObject({ format: 'diplolens-meetings', version: 1, exportedAt: '2024-07-01T00:00:00.000Z' });
    const t = await fresh();
    expect(await t.importText(json, 'json')).toEqual({ added: 2, updated: 0, meetings: 2 });
    expect(await t.list()).toEqual(await s.list());
  });

  it('round-trips CSV (one row per source, quotes, commas, line breaks and formula-looking text intact)', async () => {
    const s = await withTwo();
    const csv = await s.exportCsv();
    const rows = parseCsv(csv);
    expect(rows[0].cells[0]).toBe('date');
    expect(rows.filter((r) => r.cells.length > 1)).toHaveLength(4); // header + 3 sources
    expect(csv).toContain(`"'=HYPERLINK(""x"") Nurtleu will meet Lavrov"`);
    const t = await fresh();
    expect(await t.importText(csv, 'csv')).toEqual({ added: 2, updated: 0, meetings: 2 });
    expect(await t.list()).toEqual(await s.list());
  });

  it('merges an import into what is stored: known meetings gain the new sources only', async () => {
    const s = await fresh();
    await s.addPage(RU, [meeting()]);
    const other = await fresh();
    await other.addPage(RU, [meeting()]);
    await other.addPage(EN, [meeting()]);
    expect(await s.importText(await other.exportJson(), 'json')).toEqual({ added: 0, updated: 1, meetings: 1 });
    expect((await s.list())[0].sources.map((x) => x.url)).toEqual([RU.url, EN.url]);
  });

  it('refuses a JSON file with one bad field as a whole, naming the index and field, and changes nothing stored', async () => {
    const s = await withTwo();
    const before = await s.list();
    const file = JSON.parse(await s.exportJson());
    file.meetings.unshift(file.meetings[0]); // a good meeting first: it must not be written either
    file.meetings.push({ ...file.meetings[1], participants: [NURTLEU, { id: 'person:x' }] });
    file.meetings.push({ ...file.meetings[1], sources: [{ ...file.meetings[1].sources[0], url: 'javascript:alert(1)' }] });
    await s.clear();
    await s.addPage(EN, [meeting()]);
    const stored = await s.list();
    await expect(s.importText(JSON.stringify(file), 'json')).rejects.toThrow('meetings[3].participants[1].name: expected a name');
    file.meetings.splice(3, 1);
    await expect(s.importText(JSON.stringify(file), 'json')).rejects.toThrow('meetings[3].sources[0].url: expected an http(s) address');
    expect(await s.list()).toEqual(stored);
    expect(before).toHaveLength(2);
  });

  it('names the line and column of a JSON syntax error, and refuses other formats and versions', async () => {
    const s = await fresh();
    await expect(s.importText('{\n  "meetings": [\n    {,}\n  ]\n}', 'json')).rejects.toThrow(/line 3, column \d+/);
    await expect(s.importText('{"format":"other","meetings":[]}', 'json')).rejects.toThrow('format: expected "diplolens-meetings"');
    await expect(s.importText('{"format":"diplolens-meetings","version":9,"meetings":[]}', 'json')).rejects.toThrow('version');
    await expect(s.importText('{"hello":1}', 'json')).rejects.toThrow('"meetings" array');
  });

  it('refuses a CSV file with one bad cell as a whole, naming the line and column, and changes nothing stored', async () => {
    const s = await withTwo();
    const stored = await s.list();
    const lines = (await s.exportCsv()).split('\r\n');
    // rows: header (line 1), the RU source whose evidence spans lines 2-3, the EN source (line 4), the Lavrov meeting
    const bad = (i: number, from: string, to: string) => lines.map((l, j) => (j === i ? l.replace(from, to) : l)).join('\r\n');
    await expect(s.importText(bad(2, '2024-06-25', '2024-02-30'), 'csv')).rejects.toThrow('line 4, column date: expected YYYY-MM-DD or null');
    await expect(s.importText(bad(2, ',in-person,', ',party,'), 'csv')).rejects.toThrow('line 4, column kind');
    await expect(s.importText(bad(0, 'read_at', 'when'), 'csv')).rejects.toThrow('line 1: column "read_at" is missing');
    await expect(s.importText(bad(2, 'https://', 'ftp://'), 'csv')).rejects.toThrow('line 4, column url');
    await expect(s.importText(lines.slice(0, 2).join('\r\n') + '\r\n2024-06-25,a,b\r\n', 'csv')).rejects.toThrow(/line \d+: expected 12 cells, found 3/);
    expect(await s.list()).toEqual(stored);
  });
});
