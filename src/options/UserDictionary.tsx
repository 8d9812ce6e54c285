// The user's own dictionary: the list of entries, the form, import and export.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import {
  loadUserEntities, putUserEntity, deleteUserEntity, parseImport, importUserEntities, exportUserEntities, formatProblem,
  type UserEntity, type ImportProblem,
} from '../shared/user-dictionary.ts';
import { EntityForm } from './EntityForm.tsx';
import { emptyDraft, type Draft } from './entity-draft.ts';

type Status = { kind: 'ok' | 'error'; text: string; problems?: ImportProblem[] } | null;

export function UserDictionary(props: { prefill: Draft | null }) {
  const [list, setList] = useState<UserEntity[] | null>(null);
  const [form, setForm] = useState<{ draft: Draft; editing: UserEntity | null } | null>(props.prefill ? { draft: props.prefill, editing: null } : null);
  const [status, setStatus] = useState<Status>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  useEffect(() => { loadUserEntities().then(setList, (err) => setStatus({ kind: 'error', text: String(err?.message ?? err) })); }, []);

  const run = async (fn: () => Promise<UserEntity[]>, ok: string) => {
    try { setList(await fn()); setStatus({ kind: 'ok', text: ok }); return true; }
    catch (err) { setStatus({ kind: 'error', text: (err as Error).message }); return false; } // quota: shown, nothing lost
  };
  const save = async (e: UserEntity, replacing?: string) => {
    if (await run(() => putUserEntity(e, replacing), t('optSaved', e.name))) setForm(null);
  };
  const importFile = async (file: File) => {
    const r = parseImport(await file.text());
    if (!r.ok) { setStatus({ kind: 'error', text: t('optImportRefused', file.name), problems: r.problems }); return; }
    await run(() => importUserEntities(r.entities), t('optImported', String(r.entities.length)));
  };
  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([exportUserEntities(list ?? [])], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'diplolens-my-dictionary.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section aria-labelledby="dict-title">
      <h2 id="dict-title">{t('optMyDictionary')}</h2>
      <p class="hint">{t('optMyDictionaryHint')}</p>
      <div role="status" aria-live="polite" class={status?.kind === 'error' ? 'error' : 'ok'}>
        {status && <p>{status.text}</p>}
        {status?.problems && <ul class="problems">{status.problems.map((p) => <li>{formatProblem(p)}</li>)}</ul>}
      </div>
      {list && list.length === 0 && <p>{t('optNoEntries')}</p>}
      {list && list.length > 0 && (
        <ul class="entries">
          {list.map((e) => (
            <li>
              <span class="entry-name">{e.names.en?.[0] ?? e.name}</span> <span class="muted">{e.id}</span>
              <button type="button" onClick={() => setForm({ draft: emptyDraft(e.type), editing: e })} aria-label={t('optEditNamed', e.name)}>{t('optEdit')}</button>
              <button type="button" onClick={() => run(() => deleteUserEntity(e.id), t('optDeleted', e.name))} aria-label={t('optDeleteNamed', e.name)}>{t('optDelete')}</button>
            </li>
          ))}
        </ul>
      )}
      {form ? <EntityForm key={form.editing?.id ?? 'new'} initial={form.draft} editing={form.editing} onSave={save} onCancel={() => setForm(null)} /> : (
        <div class="actions">
          <button type="button" onClick={() => setForm({ draft: emptyDraft(), editing: null })}>{t('optAddEntry')}</button>
          <button type="button" onClick={exportFile} disabled={!list?.length}>{t('optExport')}</button>
          {/* the real file input stays focusable; its label is what shows */}
          <input id="import-file" class="visually-hidden" type="file" accept="application/json,.json" ref={fileRef}
            onChange={(e) => { const f = (e.target as HTMLInputElement).files?.[0]; if (f) importFile(f); (e.target as HTMLInputElement).value = ''; }} />
          <label class="button" for="import-file">{t('optImport')}</label>
        </div>
      )}
    </section>
  );
}
