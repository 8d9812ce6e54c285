// Remembered meetings as records: one per participant set and date, whatever outlet or language reported it,
// with every source kept. Also their JSON and CSV files, checked in full before anything is written.
// Pure: no IndexedDB, no browser API (the store is meetings-store.ts).
import type { MeetingOut } from '../core/contracts.ts';
import type { MeetingFact } from '../core/dictionary/facts.ts';
import { isDay, isWebUrl, meetingCoreProblem, MAX_EVIDENCE } from '../shared/meeting-check.ts';

export interface MeetingSource {
  url: string;
  title: string;
  /** the page's language */
  lang: string;
  /** when the user read it, ISO date-time */
  readAt: string;
  /** the sentence that reports the meeting */
  evidence: string;
}

/** a meeting as the page reported it (its evidence moves into each source), plus what remembering needs */
export interface StoredMeeting extends Omit<MeetingOut, 'evidence'> {
  /** sorted participant ids and the date: the same meeting from any outlet in any language has the same key */
  key: string;
  /** participant ids, sorted (indexed, multi-entry) */
  ids: string[];
  sources: MeetingSource[];
  /** the latest readAt of its sources */
  lastRead: string;
}

export interface PageRead { url: string; title: string; lang: string; readAt: string }

export const EXPORT_FORMAT = 'diplolens-meetings';
export const EXPORT_VERSION = 1;

export const meetingKey = (ids: string[], date: string | null) => `${[...ids].sort().join('|')}@${date ?? ''}`;

/** A page's URL without its fragment: "#comments" is the same article. */
export function sourceUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** A new record for a meeting read on a page. */
export function recordOf(m: MeetingOut, page: PageRead): StoredMeeting {
  const participants = [...m.participants].map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.id.localeCompare(b.id));
  const ids = participants.map((p) => p.id);
  return {
    key: meetingKey(ids, m.date), ids, participants, date: m.date, place: m.place, kind: m.kind, cameo: m.cameo,
    ...(m.planned ? { planned: true } : {}),
    sources: [{ url: sourceUrl(page.url), title: page.title, lang: page.lang, readAt: page.readAt, evidence: m.evidence.slice(0, MAX_EVIDENCE) }],
    lastRead: page.readAt,
  };
}

/** `into` with the sources of `from` it lacks (the same URL counts once). Null when nothing is new. */
export function mergeRecords(into: StoredMeeting, from: StoredMeeting): StoredMeeting | null {
  const known = new Set(into.sources.map((s) => s.url));
  const fresh = from.sources.filter((s) => !known.has(s.url) && (known.add(s.url), true));
  const place = into.place ?? from.place;
  // an announced meeting that a later source reports as held is no longer planned
  const planned = into.planned && from.planned;
  if (!fresh.length && place === into.place && !!planned === !!into.planned) return null;
  const sources = [...into.sources, ...fresh];
  const { planned: _, ...rest } = into;
  return { ...rest, place, ...(planned ? { planned: true } : {}), sources, lastRead: sources.reduce((a, s) => (s.readAt > a ? s.readAt : a), '') };
}

/** Records for the card: bundled-meeting facts marked as from the user's reading, with each source's title. */
export function readingFacts(records: StoredMeeting[]): MeetingFact[] {
  return records.filter((r) => r.date).map((r) => ({
    id: `reading:${r.key}`, participants: r.ids, date: r.date!, ...(r.place ? { place: { en: r.place } } : {}),
    kind: r.planned ? 'announced' : r.kind, sources: r.sources.map((s) => s.url), readings: r.sources.map((s) => ({ url: s.url, title: s.title })), fromReading: true,
  }));
}

export interface MeetingFilter { participant?: string; from?: string; to?: string; text?: string }

/** Whether a record passes the filter (participant id, date range inclusive, words anywhere in it). */
export function matchesFilter(r: StoredMeeting, f: MeetingFilter): boolean {
  if (f.participant && !r.ids.includes(f.participant)) return false;
  if ((f.from || f.to) && !r.date) return false;
  if (f.from && r.date! < f.from) return false;
  if (f.to && r.date! > f.to) return false;
  const words = (f.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = [r.place ?? '', r.date ?? '', ...r.participants.map((p) => p.name), ...r.sources.flatMap((s) => [s.title, s.url, s.evidence])].join('\n').toLowerCase();
  return words.every((w) => hay.includes(w));
}

// ---- files ----------------------------------------------------------------------------------------------------

/** What an export file holds per meeting: the record without the derived key, ids and lastRead. */
type ExportedMeeting = Omit<StoredMeeting, 'key' | 'ids' | 'lastRead'>;

export function toJsonExport(records: StoredMeeting[], exportedAt: string): string {
  const meetings: ExportedMeeting[] = records.map(({ key: _k, ids: _i, lastRead: _l, ...m }) => m);
  return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, meetings }, null, 2);
}

export const CSV_COLUMNS = ['date', 'participant_ids', 'participant_names', 'place', 'kind', 'cameo', 'planned', 'url', 'title', 'lang', 'read_at', 'evidence'] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** One row per source, so every source survives the round trip; rows of one meeting share its first seven cells. */
export function toCsv(records: StoredMeeting[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const r of records) for (const s of r.sources) {
    const cells: Record<Column, string> = {
      date: r.date ?? '', participant_ids: r.ids.join(';'), participant_names: r.participants.map((p) => p.name).join(';'),
      place: r.place ?? '', kind: r.kind, cameo: r.cameo, planned: r.planned ? 'yes' : '', url: s.url, title: s.title, lang: s.lang, read_at: s.readAt, evidence: s.evidence,
    };
    rows.push(CSV_COLUMNS.map((c) => csvCell(cells[c])).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

// A spreadsheet runs a cell starting with = + - @ as a formula: such cells get a leading apostrophe, which the
// import takes off again (one apostrophe, only before those characters), so the round trip is exact.
const FORMULA = /^'*[=+\-@\t\r]/;
function csvCell(v: string): string {
  const safe = FORMULA.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
const uncell = (v: string) => (FORMULA.test(v) && v.startsWith("'") ? v.slice(1) : v);

export class ImportError extends Error {
  constructor(message: string) { super(message); this.name = 'ImportError'; }
}

/** The records a JSON export file holds, or an ImportError naming the array index and field of the first problem. */
export function parseJsonImport(text: string): StoredMeeting[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ImportError(`Not valid JSON: ${jsonErrorWhere(text, (e as Error).message)}`);
  }
  const list = Array.isArray(data) ? data : (data as Record<string, unknown> | null)?.meetings;
  if (!Array.isArray(list)) throw new ImportError('Expected a DiploLens meetings export: an object with a "meetings" array (or the array itself).');
  if (!Array.isArray(data)) {
    const d = data as Record<string, unknown>;
    if (d.format !== undefined && d.format !== EXPORT_FORMAT) throw new ImportError(`format: expected "${EXPORT_FORMAT}", got ${JSON.stringify(d.format)}.`);
    if (d.version !== undefined && d.version !== EXPORT_VERSION) throw new ImportError(`version: this DiploLens reads version ${EXPORT_VERSION} files, the file is version ${JSON.stringify(d.version)}.`);
  }
  const where = Array.isArray(data) ? '' : 'meetings';
  const byKey = new Map<string, StoredMeeting>();
  list.forEach((m, i) => {
    const problem = meetingCoreProblem(m) ?? sourcesProblem((m as Record<string, unknown>).sources);
    if (problem) throw new ImportError(`${where}[${i}].${problem}`);
    addTo(byKey, recordFromFile(m as ExportedMeeting));
  });
  return [...byKey.values()];
}

function jsonErrorWhere(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
}

function sourcesProblem(v: unknown): string | null {
  if (!Array.isArray(v) || v.length === 0) return 'sources: expected a non-empty array';
  for (const [i, s] of v.entries()) {
    const p = sourceProblem(s);
    if (p) return `sources[${i}].${p}`;
  }
  return null;
}

function sourceProblem(s: unknown): string | null {
  if (!s || typeof s !== 'object') return 'expected an object';
  const o = s as Record<string, unknown>;
  if (!isWebUrl(o.url)) return 'url: expected an http(s) address';
  if (typeof o.title !== 'string' || o.title.length > 1000) return 'title: expected text (up to 1000 characters)';
  if (typeof o.lang !== 'string' || !/^[a-z]{2,3}$/.test(o.lang)) return 'lang: expected a language code like "en"';
  if (!isReadAt(o.readAt)) return 'readAt: expected an ISO date-time like 2024-06-25T10:00:00.000Z';
  if (typeof o.evidence !== 'string' || o.evidence.length > MAX_EVIDENCE) return `evidence: expected text (up to ${MAX_EVIDENCE} characters)`;
  return null;
}

const isReadAt = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && isDay(v.slice(0, 10)) && !Number.isNaN(Date.parse(v));

function recordFromFile(m: ExportedMeeting): StoredMeeting {
  const participants = m.participants.map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.id.localeCompare(b.id));
  const ids = participants.map((p) => p.id);
  const sources = dedupeSources(m.sources.map((s) => ({ url: sourceUrl(s.url), title: s.title, lang: s.lang, readAt: s.readAt, evidence: s.evidence })));
  return {
    key: meetingKey(ids, m.date), ids, participants, date: m.date, place: m.place, kind: m.kind, cameo: m.cameo,
    ...(m.planned ? { planned: true } : {}), sources, lastRead: sources.reduce((a, s) => (s.readAt > a ? s.readAt : a), ''),
  };
}

function dedupeSources(list: MeetingSource[]): MeetingSource[] {
  const seen = new Set<string>();
  return list.filter((s) => !seen.has(s.url) && (seen.add(s.url), true));
}

function addTo(byKey: Map<string, StoredMeeting>, r: StoredMeeting) {
  const had = byKey.get(r.key);
  byKey.set(r.key, had ? mergeRecords(had, r) ?? had : r);
}

/** The records a CSV export file holds, or an ImportError naming the line and column of the first problem. */
export function parseCsvImport(text: string): StoredMeeting[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!rows.length) throw new ImportError('line 1: the file is empty; expected the header row ' + CSV_COLUMNS.join(','));
  const header = rows[0].cells.map((c) => c.trim());
  for (const c of CSV_COLUMNS) if (!header.includes(c)) throw new ImportError(`line 1: column "${c}" is missing; expected ${CSV_COLUMNS.join(',')}`);
  const extra = header.find((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (extra !== undefined) throw new ImportError(`line 1: unknown column "${extra}"`);
  const byKey = new Map<string, StoredMeeting>();
  for (const row of rows.slice(1)) {
    if (row.cells.length === 1 && row.cells[0] === '') continue; // a blank line
    if (row.cells.length !== header.length) throw new ImportError(`line ${row.line}: expected ${header.length} cells, found ${row.cells.length}`);
    const cell = (c: Column) => uncell(row.cells[header.indexOf(c)]);
    const ids = cell('participant_ids').split(';');
    const names = cell('participant_names').split(';');
    if (ids.length !== names.length) throw new ImportError(`line ${row.line}, column participant_names: expected ${ids.length} names separated by ";" (one per id), found ${names.length}`);
    const planned = cell('planned');
    if (planned !== '' && planned !== 'yes') throw new ImportError(`line ${row.line}, column planned: expected "yes" or nothing`);
    const meeting = {
      participants: ids.map((id, i) => ({ id, name: names[i] })), date: cell('date') || null, place: cell('place') || null,
      kind: cell('kind'), cameo: cell('cameo'), ...(planned ? { planned: true } : {}),
      sources: [{ url: cell('url'), title: cell('title'), lang: cell('lang'), readAt: cell('read_at'), evidence: cell('evidence') }],
    };
    const problem = meetingCoreProblem(meeting) ?? sourceProblem(meeting.sources[0]);
    if (problem) throw new ImportError(`line ${row.line}, column ${csvColumnOf(problem)}: ${problem.replace(/^[^:]*: /, '')}`);
    addTo(byKey, recordFromFile(meeting as ExportedMeeting));
  }
  return [...byKey.values()];
}

const FIELD_COLUMN: Record<string, Column> = { date: 'date', place: 'place', kind: 'kind', cameo: 'cameo', planned: 'planned', url: 'url', title: 'title', lang: 'lang', readAt: 'read_at', evidence: 'evidence' };
function csvColumnOf(problem: string): Column {
  const field = /^([a-zA-Z]+)(\[\d+\])?(\.([a-zA-Z]+))?/.exec(problem);
  if (field?.[1] === 'participants') return field[4] === 'name' ? 'participant_names' : 'participant_ids';
  return FIELD_COLUMN[field?.[1] ?? ''] ?? 'participant_ids';
}

/** RFC 4180 rows with the line each starts on (a quoted cell may span lines). */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      if (ch === '\n') line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') { quoted = true; i++; continue; }
    if (ch === '"') throw new ImportError(`line ${line}: a quote inside an unquoted cell; quote the whole cell and double the quote`);
    if (ch === ',') { cells.push(cell); cell = ''; i++; continue; }
    if (ch === '\r' || ch === '\n') {
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    cell += ch;
    i++;
  }
  if (quoted) throw new ImportError(`line ${rowLine}: a quoted cell is never closed`);
  if (cell !== '' || cells.length) { cells.push(cell); rows.push({ line: rowLine, cells }); }
  return rows;
}
