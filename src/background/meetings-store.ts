// The meetings the user has read, kept in IndexedDB ("diplolens") by the service worker. The schema is
// versioned: each version's migration runs once, in order, inside the upgrade transaction, so an update of the
// extension never loses what is stored. Imports are checked in full first and written in one transaction.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { MeetingOut } from '../core/contracts.ts';
import {
  matchesFilter, mergeRecords, parseCsvImport, parseJsonImport, recordOf, toCsv, toJsonExport,
  type MeetingFilter, type PageRead, type StoredMeeting,
} from './meetings-format.ts';

export const DB_NAME = 'diplolens';
export const DB_VERSION = 2;

interface Schema extends DBSchema {
  meetings: { key: string; value: StoredMeeting; indexes: { 'by-participant': string; 'by-date': string } };
}

type Upgrade = IDBPTransaction<Schema, ['meetings'], 'versionchange'>;

/**
 * MIGRATIONS[v - 1] brings a database from version v - 1 to v. Never edit a released one: add the next.
 * v1: the meetings store, one record per participant set and date.
 * v2: indexes by participant and by date for the filters; records gain `ids` and `lastRead`.
 */
const MIGRATIONS: ((db: IDBPDatabase<Schema>, tx: Upgrade) => Promise<void> | void)[] = [
  (db) => { db.createObjectStore('meetings', { keyPath: 'key' }); },
  async (_db, tx) => {
    const store = tx.objectStore('meetings');
    for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
      const r = cursor.value as StoredMeeting;
      const ids = r.ids ?? r.participants.map((p) => p.id).sort();
      const lastRead = r.lastRead ?? r.sources.reduce((a, s) => (s.readAt > a ? s.readAt : a), '');
      await cursor.update({ ...r, ids, lastRead });
    }
    store.createIndex('by-participant', 'ids', { multiEntry: true });
    store.createIndex('by-date', 'date');
  },
];

export async function openMeetingsDb(name = DB_NAME, version = DB_VERSION) {
  const db: IDBPDatabase<Schema> = await openDB<Schema>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      try {
        for (let v = oldVersion; v < (newVersion ?? version); v++) await MIGRATIONS[v](db, tx as unknown as Upgrade);
      } catch (err) {
        // a failed migration leaves the database as it was, at its old version
        console.error('DiploLens: meetings database upgrade failed', err);
        tx.abort();
      }
    },
    // a newer copy of the extension (after an update) wants to upgrade: let it have the database
    blocking() { db.close(); },
  });
  return db;
}

export interface ImportResult { added: number; updated: number; meetings: number }

export async function openMeetingsStore(name = DB_NAME) {
  const db = await openMeetingsDb(name);
  const byNewest = (a: StoredMeeting, b: StoredMeeting) => (b.date ?? '').localeCompare(a.date ?? '') || b.lastRead.localeCompare(a.lastRead);
  const all = async () => (await db.getAll('meetings')).sort(byNewest);

  /** Adds records, merging sources into stored ones, in one transaction: all are written or none. */
  async function put(records: StoredMeeting[]): Promise<{ added: number; updated: number }> {
    const tx = db.transaction('meetings', 'readwrite');
    let added = 0;
    let updated = 0;
    for (const r of records) {
      const had = await tx.store.get(r.key);
      if (!had) { await tx.store.put(r); added++; continue; }
      const merged = mergeRecords(had, r);
      if (merged) { await tx.store.put(merged); updated++; }
    }
    await tx.done;
    return { added, updated };
  }

  return {
    /** Remembers the meetings a page reports; the same meeting read elsewhere gains this page as a source. */
    addPage(page: PageRead, meetings: MeetingOut[]) {
      return put(meetings.map((m) => recordOf(m, page)));
    },
    async list(filter: MeetingFilter = {}): Promise<StoredMeeting[]> {
      const rows = filter.participant
        ? await db.getAllFromIndex('meetings', 'by-participant', filter.participant)
        : filter.from || filter.to
          ? await db.getAllFromIndex('meetings', 'by-date', IDBKeyRange.bound(filter.from ?? '0000-00-00', filter.to ?? '9999-99-99'))
          : await db.getAll('meetings');
      return rows.filter((r) => matchesFilter(r, filter)).sort(byNewest);
    },
    /** The meetings any of these entities took part in. */
    async ofParticipants(ids: Iterable<string>): Promise<StoredMeeting[]> {
      const out = new Map<string, StoredMeeting>();
      const tx = db.transaction('meetings');
      for (const id of ids) for (const r of await tx.store.index('by-participant').getAll(id)) out.set(r.key, r);
      await tx.done;
      return [...out.values()];
    },
    async remove(key: string): Promise<boolean> {
      const tx = db.transaction('meetings', 'readwrite');
      const had = (await tx.store.count(key)) > 0;
      if (had) await tx.store.delete(key);
      await tx.done;
      return had;
    },
    clear: () => db.clear('meetings'),
    count: () => db.count('meetings'),
    exportJson: async (now = new Date()) => toJsonExport(await all(), now.toISOString()),
    exportCsv: async () => toCsv(await all()),
    /** Checks the whole file first (ImportError names the line or index and field), then writes it at once. */
    async importText(text: string, format: 'json' | 'csv'): Promise<ImportResult> {
      const records = format === 'json' ? parseJsonImport(text) : parseCsvImport(text);
      return { ...(await put(records)), meetings: records.length };
    },
    close: () => db.close(),
  };
}

export type MeetingsStore = Awaited<ReturnType<typeof openMeetingsStore>>;
