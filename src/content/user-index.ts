// The user's own dictionary in the content script: read from storage.local, compiled into a small second index.
import type { IndexData } from '../core/dictionary/index-format.ts';
import { compileUserIndex } from '../core/dictionary/user.ts';
import { loadUserEntities, onUserEntitiesChanged } from '../shared/user-dictionary.ts';

export async function loadUserIndex(): Promise<IndexData | null> {
  try {
    const list = await loadUserEntities();
    return list.length ? compileUserIndex(list) : null;
  } catch (err) {
    console.debug('DiploLens: user dictionary not loaded', err);
    return null;
  }
}

export function watchUserIndex(fn: (index: IndexData | null) => void): void {
  onUserEntitiesChanged((list) => fn(list.length ? compileUserIndex(list) : null));
}
