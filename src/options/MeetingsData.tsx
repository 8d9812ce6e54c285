// Options: the meetings DiploLens remembers from the user's reading. Filter, delete one, clear all, export
// (JSON, CSV) and import. An import with an error is refused whole; the message names the line or index and field.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { StoredMeeting } from '../background/meetings-format.ts';
import type { ExportAnswer, ImportAnswer } from '../background/meetings-handlers.ts';
import { isWebUrl } from '../shared/meeting-check.ts';

const STRINGS = {
  en: {
    title: 'Meetings from your reading', intro: 'Meetings found in the articles you read, kept only in this browser.',
    who: 'Participant', anyone: 'Anyone', from: 'From', to: 'To', words: 'Words', none: 'No meeting remembered yet.', noMatch: 'No meeting matches.',
    delete: 'Delete', exportJson: 'Export JSON', exportCsv: 'Export CSV', import: 'Import JSON or CSV…', clear: 'Clear all…',
    clearConfirm: 'Delete all {n} remembered meetings?', yes: 'Delete all', cancel: 'Cancel', sources: 'sources', undated: 'no date',
    imported: 'Imported {m} meetings: {a} new, {u} with new sources.', refused: 'Nothing was imported. {e}', count: '{n} meetings',
  },
  ru: {
    title: 'Встречи из прочитанного', intro: 'Встречи, найденные в прочитанных статьях; хранятся только в этом браузере.',
    who: 'Участник', anyone: 'Любой', from: 'С', to: 'По', words: 'Слова', none: 'Пока ни одной встречи.', noMatch: 'Ничего не найдено.',
    delete: 'Удалить', exportJson: 'Экспорт JSON', exportCsv: 'Экспорт CSV', import: 'Импорт JSON или CSV…', clear: 'Удалить все…',
    clearConfirm: 'Удалить все встречи ({n})?', yes: 'Удалить все', cancel: 'Отмена', sources: 'источники', undated: 'без даты',
    imported: 'Импортировано встреч: {m}; новых {a}, с новыми источниками {u}.', refused: 'Ничего не импортировано. {e}', count: 'встреч: {n}',
  },
};
type Strings = typeof STRINGS.en;
const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w)\}/g, (_, k: string) => String(v[k] ?? ''));

interface Filter { participant?: string; from?: string; to?: string; text?: string }
const ask = <T,>(msg: Record<string, unknown>) => browser.runtime.sendMessage(msg) as Promise<T>;
const clean = (f: Filter): Filter => Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Filter;

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** JSON when the file says so by name or starts like JSON; CSV otherwise. */
export const importFormat = (name: string, text: string): 'json' | 'csv' =>
  /\.json$/i.test(name) || (!/\.csv$/i.test(name) && /^\uFEFF?\s*[[{]/.test(text)) ? 'json' : 'csv';

export function MeetingsData({ lang = navigator.language.slice(0, 2) }: { lang?: string }) {
  const s: Strings = lang === 'ru' || lang === 'uk' || lang === 'kk' ? STRINGS.ru : STRINGS.en;
  const [filter, setFilter] = useState<Filter>({});
  const [list, setList] = useState<StoredMeeting[] | null>(null);
  const [people, setPeople] = useState<{ id: string; name: string }[]>([]);
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);

  const [latest] = useState({ n: 0 });
  const reload = async (f: Filter = filter) => {
    const n = ++latest.n;
    const [shown, all] = await Promise.all([ask<StoredMeeting[]>({ type: 'diplolens:meetings-list', ...clean(f) }), ask<StoredMeeting[]>({ type: 'diplolens:meetings-list' })]);
    if (n !== latest.n) return; // typing fast: an older answer must not replace a newer one
    setList(shown ?? []);
    setTotal(all?.length ?? 0);
    const byId = new Map((all ?? []).flatMap((m) => m.participants).map((p) => [p.id, p]));
    setPeople([...byId.values()].sort((a, b) => a.name.localeCompare(b.name)));
  };
  useEffect(() => { void reload(); }, []);
  const change = (part: Filter) => { const f = { ...filter, ...part }; setFilter(f); void reload(f); };

  const exportAs = async (format: 'json' | 'csv') => {
    const answer = await ask<ExportAnswer>({ type: 'diplolens:meetings-export', format });
    const day = new Date().toISOString().slice(0, 10);
    download(`diplolens-meetings-${day}.${format}`, answer.text, format === 'json' ? 'application/json' : 'text/csv;charset=utf-8');
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const text = await file.text();
    const answer = await ask<ImportAnswer>({ type: 'diplolens:meetings-import', format: importFormat(file.name, text), text });
    setStatus(answer.ok
      ? { text: fill(s.imported, { m: answer.meetings, a: answer.added, u: answer.updated }) }
      : { text: fill(s.refused, { e: `${file.name}: ${answer.error}` }), error: true });
    await reload();
  };
  const remove = async (key: string) => { await ask({ type: 'diplolens:meetings-delete', key }); await reload(); };
  const clearAll = async () => { await ask({ type: 'diplolens:meetings-clear' }); setConfirming(false); setStatus(null); await reload(); };

  return (
    <section class="meetings-data" aria-labelledby="meetings-data-title">
      <h2 id="meetings-data-title">{s.title}</h2>
      <p class="muted">{s.intro}</p>
      <div class="filters" role="search">
        <label>{s.who} <select name="participant" value={filter.participant ?? ''} onChange={(e) => change({ participant: (e.target as HTMLSelectElement).value })}>
          <option value="">{s.anyone}</option>
          {people.map((p) => <option value={p.id}>{p.name}</option>)}
        </select></label>
        <label>{s.from} <input type="date" name="from" value={filter.from ?? ''} onChange={(e) => change({ from: (e.target as HTMLInputElement).value })} /></label>
        <label>{s.to} <input type="date" name="to" value={filter.to ?? ''} onChange={(e) => change({ to: (e.target as HTMLInputElement).value })} /></label>
        <label>{s.words} <input type="search" name="text" value={filter.text ?? ''} onInput={(e) => change({ text: (e.target as HTMLInputElement).value })} /></label>
      </div>
      <div class="actions">
        <button type="button" name="export-json" onClick={() => exportAs('json')}>{s.exportJson}</button>
        <button type="button" name="export-csv" onClick={() => exportAs('csv')}>{s.exportCsv}</button>
        <label class="import">{s.import} <input type="file" name="import" accept=".json,.csv,application/json,text/csv" onChange={(e) => importFile(e.target as HTMLInputElement)} /></label>
        {!confirming
          ? <button type="button" name="clear" disabled={total === 0} onClick={() => setConfirming(true)}>{s.clear}</button>
          : <span class="confirm">{fill(s.clearConfirm, { n: total })}{' '}
            <button type="button" name="clear-yes" onClick={clearAll}>{s.yes}</button> <button type="button" onClick={() => setConfirming(false)}>{s.cancel}</button></span>}
      </div>
      {status && <p class={status.error ? 'status error' : 'status'} role={status.error ? 'alert' : 'status'}>{status.text}</p>}
      {list && (list.length === 0
        ? <p class="muted">{Object.keys(clean(filter)).length ? s.noMatch : s.none}</p>
        : (
          <>
            <p class="muted">{fill(s.count, { n: list.length })}</p>
            <ul class="stored-meetings">
              {list.map((m) => (
                <li data-key={m.key}>
                  <time dateTime={m.date ?? undefined}>{m.date ?? s.undated}</time>{' '}
                  <strong>{m.participants.map((p) => p.name).join(' – ')}</strong>
                  {m.place && <>, {m.place}</>}
                  {' '}<button type="button" class="delete" onClick={() => remove(m.key)}>{s.delete}</button>
                  <ul class="sources" aria-label={s.sources}>
                    {m.sources.map((src) => (
                      <li>
                        {isWebUrl(src.url) ? <a href={src.url} target="_blank" rel="noopener noreferrer">{src.title || src.url}</a> : src.title}
                        <span class="muted"> · {src.lang} · {src.readAt.slice(0, 10)}</span>
                        <blockquote lang={src.lang}>{src.evidence}</blockquote>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
