// The user's own dictionary for matching: the stored entries (validated, as the facts read them) compiled into a
// small second index. Read afresh for each page's reading: a page restarted because the entries changed must see them.
import type { IndexData } from '../core/dictionary/index-format.ts';
import { compileUserIndex } from '../core/dictionary/user.ts';
import { loadUserEntities } from '../shared/user-dictionary.ts';

/** The stored entries as they are now (`key` tells whether they changed since the last read) and their index. */
export async function readUserIndex(): Promise<{ key: string; index: IndexData | null }> {
  try {
    const list = await loadUserEntities();
    return { key: list.length ? JSON.stringify(list) : '', get index() { return list.length ? compileUserIndex(list) : null; } };
  } catch (err) {
    console.debug('DiploLens: user dictionary not read', err);
    return { key: '', index: null };
  }
}
