// The user's own dictionary in browser.storage.local: read, save (quota errors reach the caller), import and export.
// An import is all or nothing: one bad entry refuses the whole file, and what is stored stays as it was.
import browser from 'webextension-polyfill';
import { userDictionarySchema, userEntitySchema, type UserEntity } from '../core/dictionary/user-schema.ts';
import { jsonLines, syntaxErrorLine } from './json-lines.ts';

export const USER_DICTIONARY_KEY = 'userDictionary';
export type { UserEntity };

/** Stored entries that still pass validation (a hand-edited store never breaks matching). */
export function validEntries(stored: unknown): UserEntity[] {
  if (!Array.isArray(stored)) return [];
  const out: UserEntity[] = [];
  for (const e of stored) {
    const r = userEntitySchema.safeParse(e);
    if (r.success) out.push(r.data);
  }
  return out;
}

export async function loadUserEntities(): Promise<UserEntity[]> {
  return validEntries((await browser.storage.local.get(USER_DICTIONARY_KEY))[USER_DICTIONARY_KEY]);
}

/** Writes the whole list; a storage error (quota) is rethrown with what was being saved. */
export async function saveUserEntities(list: UserEntity[]): Promise<void> {
  try {
    await browser.storage.local.set({ [USER_DICTIONARY_KEY]: list });
  } catch (err) {
    throw new Error(`Could not save ${list.length} dictionary entries: ${(err as Error)?.message ?? err}`);
  }
}

/** Adds or replaces one entry by id (renaming an entry removes its old id). */
export async function putUserEntity(entity: UserEntity, replacing?: string): Promise<UserEntity[]> {
  const list = (await loadUserEntities()).filter((e) => e.id !== entity.id && e.id !== replacing);
  list.push(entity);
  await saveUserEntities(list);
  return list;
}

export async function deleteUserEntity(id: string): Promise<UserEntity[]> {
  const list = (await loadUserEntities()).filter((e) => e.id !== id);
  await saveUserEntities(list);
  return list;
}

export function onUserEntitiesChanged(fn: (list: UserEntity[]) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && USER_DICTIONARY_KEY in changes) fn(validEntries(changes[USER_DICTIONARY_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export interface ImportProblem { line: number | null; field: string; message: string }
export type ImportResult = { ok: true; entities: UserEntity[] } | { ok: false; problems: ImportProblem[] };

/** Parses an import file: a JSON array of user entries. Every problem is named by line and field. */
export function parseImport(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [{ line: syntaxErrorLine(text, err), field: '(file)', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  // files written by hand may leave out "user": true; everything imported becomes a user entry
  if (Array.isArray(data)) data = data.map((e) => (e && typeof e === 'object' && !Array.isArray(e) && !('user' in e) ? { ...e, user: true } : e));
  const r = userDictionarySchema.safeParse(data);
  if (r.success) return { ok: true, entities: r.data };
  const lines = jsonLines(text);
  const problems = r.error.issues.map((issue) => {
    const path = issue.path.map(String);
    // the deepest part of the path that exists in the file (a missing field: its object)
    let line: number | null = null;
    for (let n = path.length; n >= 0 && line === null; n--) line = lines.get(path.slice(0, n).join('.')) ?? null;
    const field = path.length ? `[${path[0]}]${path.slice(1).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('')}` : '(file)';
    return { line, field, message: issue.message };
  });
  return { ok: false, problems };
}

/** Merges imported entries into the stored ones (same id: the imported one wins). */
export async function importUserEntities(imported: UserEntity[]): Promise<UserEntity[]> {
  const ids = new Set(imported.map((e) => e.id));
  const list = [...(await loadUserEntities()).filter((e) => !ids.has(e.id)), ...imported];
  await saveUserEntities(list);
  return list;
}

export const exportUserEntities = (list: UserEntity[]) => JSON.stringify(list, null, 2) + '\n';

export const formatProblem = (p: ImportProblem) => `${p.line === null ? '' : `line ${p.line}, `}${p.field}: ${p.message}`;
