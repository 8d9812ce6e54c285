// The user's own dictionary in the content script: read from storage.local, compiled into a small second index.
// Entries were validated when they were saved (options page, import); here a light check of their shape is enough,
// which keeps the schema library out of the script every page loads.
import browser from 'webextension-polyfill';
import type { IndexData } from '../core/dictionary/index-format.ts';
import { compileUserIndex, type UserEntity } from '../core/dictionary/user.ts';

const KEY = 'userDictionary';

function entries(stored: unknown): UserEntity[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((e): e is UserEntity =>
    !!e && typeof e === 'object' && typeof e.id === 'string' && typeof e.type === 'string' && typeof e.name === 'string' && !!e.names && typeof e.names === 'object');
}

const compile = (stored: unknown): IndexData | null => {
  const list = entries(stored);
  return list.length ? compileUserIndex(list) : null;
};

export async function loadUserIndex(): Promise<IndexData | null> {
  try {
    return compile((await browser.storage.local.get(KEY))[KEY]);
  } catch (err) {
    console.debug('DiploLens: user dictionary not loaded', err);
    return null;
  }
}

export function watchUserIndex(fn: (index: IndexData | null) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[KEY]) fn(compile(changes[KEY].newValue));
  });
}
