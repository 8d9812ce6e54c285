// The user's own dictionary for matching: read from storage.local, compiled into a small second index. Entries were
// validated when they were saved (options page, import); here a light check of their shape is enough.
import browser from 'webextension-polyfill';
import type { IndexData } from '../core/dictionary/index-format.ts';
import { compileUserIndex, type UserEntity } from '../core/dictionary/user.ts';

export const USER_DICTIONARY_KEY = 'userDictionary';

function entries(stored: unknown): UserEntity[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((e): e is UserEntity =>
    !!e && typeof e === 'object' && typeof e.id === 'string' && typeof e.type === 'string' && typeof e.name === 'string' && !!e.names && typeof e.names === 'object');
}

/** The stored entries as they are now (`key` tells whether they changed since the last read) and their index. */
export async function readUserIndex(): Promise<{ key: string; index: IndexData | null }> {
  try {
    const stored = (await browser.storage.local.get(USER_DICTIONARY_KEY))[USER_DICTIONARY_KEY];
    const list = entries(stored);
    const key = list.length ? JSON.stringify(list) : '';
    return { key, get index() { return list.length ? compileUserIndex(list) : null; } };
  } catch (err) {
    console.debug('DiploLens: user dictionary not read', err);
    return { key: '', index: null };
  }
}
