// The entity form's fields and how they become a user entry (validated by the same schema as the bundled
// dictionary); schema problems are mapped back to the field that shows them.
import { userEntitySchema, type UserEntity } from '../core/dictionary/user-schema.ts';
import type { EntityType } from '../core/dictionary/index-format.ts';

export interface Draft { type: EntityType; id: string; namesEn: string; namesRu: string; namesKk: string; abbr: string; descEn: string; descRu: string; source: string }
export type DraftField = keyof Draft | 'form';

const PREFIX: Record<EntityType, string> = { person: 'person', organization: 'org', treaty: 'treaty', country: 'country' };
const list = (s: string) => s.split(/[,\n;]/).map((x) => x.trim()).filter(Boolean);
const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

export const emptyDraft = (type: EntityType = 'person'): Draft => ({ type, id: '', namesEn: '', namesRu: '', namesKk: '', abbr: '', descEn: '', descRu: '', source: '' });

/** A selection from a page: Cyrillic goes to the Russian names, anything else to the English ones. */
export function draftFromSelection(text: string): Draft {
  const d = emptyDraft();
  if (/[\u0400-\u04ff]/.test(text)) d.namesRu = text; else d.namesEn = text;
  return d;
}

export function draftOf(e: UserEntity): Draft {
  return {
    type: e.type, id: e.id, namesEn: (e.names.en ?? []).join(', '), namesRu: (e.names.ru ?? []).join(', '), namesKk: (e.names.kk ?? []).join(', '),
    abbr: Object.values(e.abbr ?? {}).flat().join(', '), descEn: e.desc.en ?? '', descRu: e.desc.ru ?? '', source: e.sources?.[0] ?? '',
  };
}

/** The id the form suggests: the type's prefix and the first English name as a slug. */
export const suggestedId = (d: Draft) => `${PREFIX[d.type]}:${slug(list(d.namesEn)[0] ?? '') || 'my-entry'}`;

/** The entry the form describes, over the stored one being edited (fields the form does not show are kept). */
export function entityOf(d: Draft, editing: UserEntity | null, today: string): unknown {
  const base: Record<string, unknown> = editing && editing.type === d.type ? { ...editing } : {};
  const names: Record<string, string[]> = { ...((base.names as Record<string, string[]>) ?? {}) };
  for (const [lang, v] of [['en', d.namesEn], ['ru', d.namesRu], ['kk', d.namesKk]] as const) { if (list(v).length) names[lang] = list(v); else delete names[lang]; }
  const abbr: Record<string, string[]> = {};
  for (const a of list(d.abbr)) (abbr[/[\u0400-\u04ff]/.test(a) ? 'ru' : 'en'] ??= []).push(a);
  const e: Record<string, unknown> = {
    ...base, user: true, type: d.type, id: d.id.trim() || suggestedId(d), name: list(d.namesEn)[0] ?? '', names,
    desc: { ...((base.desc as object) ?? {}), en: d.descEn.trim(), ru: d.descRu.trim() }, asOf: today,
  };
  if (Object.keys(abbr).length) e.abbr = abbr; else delete e.abbr;
  if (d.source.trim()) e.sources = [d.source.trim()]; else delete e.sources;
  if (d.type === 'country' && !e.un) e.un = 'none';
  if (d.type === 'person' && !e.positions) e.positions = [];
  return e;
}

function fieldOf(path: PropertyKey[]): DraftField {
  const [a, b] = path.map(String);
  if (a === 'id') return 'id';
  if (a === 'name' || (a === 'names' && (!b || b === 'en'))) return 'namesEn';
  if (a === 'names' && b === 'ru') return 'namesRu';
  if (a === 'names' && b === 'kk') return 'namesKk';
  if (a === 'abbr' || a === 'ambiguous') return 'abbr';
  if (a === 'desc' && b === 'ru') return 'descRu';
  if (a === 'desc') return 'descEn';
  if (a === 'sources') return 'source';
  return 'form';
}

export type Checked = { ok: true; entity: UserEntity } | { ok: false; errors: Partial<Record<DraftField, string>> };

export function checkDraft(d: Draft, editing: UserEntity | null, today: string): Checked {
  const r = userEntitySchema.safeParse(entityOf(d, editing, today));
  if (r.success) return { ok: true, entity: r.data };
  const errors: Partial<Record<DraftField, string>> = {};
  for (const issue of r.error.issues) {
    const f = fieldOf(issue.path);
    const text = f === 'form' ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
    errors[f] = errors[f] ? `${errors[f]}; ${text}` : text;
  }
  return { ok: false, errors };
}
