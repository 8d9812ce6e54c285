// The user's own dictionary entries: the bundled schema with two relaxations, and their compilation into a small
// second matching index. Pure: runs in the options page, the content script and the service worker.
//
// A user entry is a bundled entity plus `"user": true`; it may leave out `sources` (nothing to cite for a local
// official) and `asOf` (the options form fills in the day it was saved). Everything else is validated exactly as
// the bundled dictionary. An entry whose id is a bundled id extends that entity: its names and forms match as the
// bundled entity, and on its card the fields it gives replace the bundled ones (names are united, the user's first).
import type { EntitySource } from './schema.ts';
import { compileIndex, type FormSpec } from './compile.ts';
import { Flag, type IndexData, type IndexEntity } from './index-format.ts';
import type { UserEntity } from './user-schema.ts';

export type { UserEntity };

const lastWord = (s: string) => s.trim().split(/\s+/).pop()!;
const startsUpper = (s: string) => /^\p{Lu}/u.test(s);

/** The phrases a user entry matches: names and forms as typed, English possessives, and a person's surname alone. */
export function userForms(entities: UserEntity[]): FormSpec[] {
  const forms: FormSpec[] = [];
  for (const [i, e] of entities.entries()) {
    const ambiguous = new Set(Object.values(e.ambiguous ?? {}).flat());
    const add = (phrase: string, flags: number) => forms.push({ entity: i, phrase, flags: flags | (startsUpper(phrase) ? Flag.Capital : 0) });
    for (const [lang, names] of Object.entries(e.names)) for (const name of names ?? []) {
      const flags = ambiguous.has(name) ? Flag.Ambiguous | Flag.Exact : 0;
      add(name, flags);
      if (lang === 'en' && !/s$/i.test(name)) add(`${name}'s`, flags);
      if (e.type === 'person' && /\s/.test(name.trim()) && lastWord(name).length >= 2) add(lastWord(name), Flag.Short);
    }
    for (const list of Object.values(e.abbr ?? {})) for (const a of list ?? []) forms.push({ entity: i, phrase: a, flags: Flag.Exact | (ambiguous.has(a) ? Flag.Ambiguous : 0) });
    for (const list of Object.values(e.forms ?? {})) for (const f of list ?? []) add(f, 0);
  }
  return forms;
}

/** The user's entries as a matching index of their own (entity i of the index is entry i). */
export function compileUserIndex(entities: UserEntity[]): IndexData {
  const table: IndexEntity[] = entities.map((e) => ({ id: e.id, type: e.type, name: e.name }));
  return compileIndex(table, userForms(entities));
}

/** The entity a card is built from: the user's entry laid over the bundled one of the same id, if any. */
export function overlayEntity(bundled: EntitySource | undefined, user: UserEntity): EntitySource {
  const { user: _user, ...own } = user;
  if (!bundled || bundled.type !== user.type) return { ...own, sources: own.sources ?? [], asOf: own.asOf ?? '' } as EntitySource;
  const names = { ...bundled.names };
  for (const [lang, list] of Object.entries(own.names)) names[lang as 'en'] = [...new Set([...(list ?? []), ...(bundled.names[lang as 'en'] ?? [])])];
  return { ...bundled, ...own, names, sources: own.sources ?? bundled.sources, asOf: own.asOf ?? bundled.asOf } as EntitySource;
}
