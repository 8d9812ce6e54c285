// The form for one entry of the user's own dictionary: add, or edit a stored one.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { TYPES } from '../core/dictionary/index-format.ts';
import type { UserEntity } from '../core/dictionary/user.ts';
import { Field } from './Field.tsx';
import { checkDraft, draftOf, suggestedId, type Draft, type DraftField } from './entity-draft.ts';

const TYPE_KEYS = { person: 'typePerson', organization: 'typeOrganization', treaty: 'typeTreaty', country: 'typeCountry' } as const;

export function EntityForm(props: { initial: Draft; editing: UserEntity | null; onSave: (e: UserEntity, replacing?: string) => Promise<void>; onCancel: () => void }) {
  const [d, setD] = useState<Draft>(props.editing ? draftOf(props.editing) : props.initial);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const set = (k: keyof Draft) => (v: string) => setD((prev) => ({ ...prev, [k]: v }));
  const submit = async (ev: Event) => {
    ev.preventDefault();
    const r = checkDraft(d, props.editing, new Date().toISOString().slice(0, 10));
    if (!r.ok) {
      setErrors(r.errors);
      // the first field in error takes the focus, so a screen reader reads its message
      const first = (ev.target as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]');
      setTimeout(() => (ev.target as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus() ?? first?.focus(), 0);
      return;
    }
    setErrors({});
    await props.onSave(r.entity, props.editing?.id);
  };
  return (
    <form class="entity-form" onSubmit={submit} aria-labelledby="entity-form-title" noValidate>
      <h3 id="entity-form-title">{props.editing ? t('optEditEntry') : t('optAddEntry')}</h3>
      <div class="field">
        <label for="f-type">{t('optType')}</label>
        <select id="f-type" value={d.type} onChange={(e) => setD({ ...d, type: (e.target as HTMLSelectElement).value as Draft['type'] })}>
          {TYPES.map((ty) => <option value={ty}>{t(TYPE_KEYS[ty])}</option>)}
        </select>
      </div>
      <Field id="f-names-en" label={t('optNamesEn')} hint={t('optNamesHint')} value={d.namesEn} onInput={set('namesEn')} error={errors.namesEn} required lang="en" />
      <Field id="f-names-ru" label={t('optNamesRu')} value={d.namesRu} onInput={set('namesRu')} error={errors.namesRu} lang="ru" />
      <Field id="f-names-kk" label={t('optNamesKk')} value={d.namesKk} onInput={set('namesKk')} error={errors.namesKk} lang="kk" />
      <Field id="f-abbr" label={t('optAbbr')} hint={t('optAbbrHint')} value={d.abbr} onInput={set('abbr')} error={errors.abbr} />
      <Field id="f-desc-en" label={t('optDescEn')} value={d.descEn} onInput={set('descEn')} error={errors.descEn} required multiline lang="en" />
      <Field id="f-desc-ru" label={t('optDescRu')} value={d.descRu} onInput={set('descRu')} error={errors.descRu} required multiline lang="ru" />
      <Field id="f-source" label={t('optSource')} hint={t('optSourceHint')} value={d.source} onInput={set('source')} error={errors.source} />
      <Field id="f-id" label={t('optId')} hint={t('optIdHint', suggestedId(d))} value={d.id} onInput={set('id')} error={errors.id} />
      {errors.form && <p class="error" role="alert">{errors.form}</p>}
      <div class="actions">
        <button type="submit">{t('optSave')}</button>
        <button type="button" onClick={props.onCancel}>{t('optCancel')}</button>
      </div>
    </form>
  );
}
