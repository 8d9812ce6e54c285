// The facts the worker answers from: the bundled store with the user's own entries laid over it, rebuilt when
// the user's dictionary changes in storage.local.
import { createFacts, type Facts } from '../core/dictionary/facts.ts';
import { overlayEntity, type UserEntity } from '../core/dictionary/user.ts';
import { loadUserEntities, onUserEntitiesChanged } from '../shared/user-dictionary.ts';
import { getFacts } from './facts.ts';

let entities: UserEntity[] | null = null;
let merged: Facts | null = null;

onUserEntitiesChanged((list) => { entities = list; merged = null; });

/** The bundled facts with the user's entries: a user entry of a bundled id overrides that entity's fields. */
export function withUserEntities(base: Facts, list: UserEntity[]): Facts {
  if (!list.length) return base;
  const own = Object.fromEntries(list.map((u) => [u.id, overlayEntity(base.store.entities[u.id], u)]));
  return createFacts({ ...base.store, entities: { ...base.store.entities, ...own } });
}

export async function currentFacts(): Promise<Facts> {
  entities ??= await loadUserEntities().catch(() => []);
  merged ??= withUserEntities(await getFacts(), entities);
  return merged;
}
