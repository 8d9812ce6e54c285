// Where DiploLens runs: the default news sites (each can be removed), sites the user adds, and "all sites".
// Host permissions are asked for inside the click handler: browsers grant them only on a user gesture.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { sitePattern, type Settings } from '../shared/settings.ts';
import { defaultSites, requestOrigins } from './storage-ops.ts';

const shown = (pattern: string) => pattern.replace(/^[^:]+:\/\/(\*\.)?/, '').replace(/\/\*$/, '');

export function SitesSection({ s, update }: { s: Settings; update: (c: Partial<Settings>) => Promise<void> }) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');
  const add = async (ev: Event) => {
    ev.preventDefault();
    const pattern = sitePattern(input);
    if (!pattern) { setError(t('optSiteInvalid', input)); return; }
    if (!(await requestOrigins([pattern]))) { setError(t('optSiteDenied', shown(pattern))); return; }
    setError('');
    setInput('');
    await update({ extraSites: [...new Set([...s.extraSites, pattern])] });
  };
  const toggleAll = async (on: boolean) => {
    if (on && !(await requestOrigins(['<all_urls>']))) { setError(t('optSiteDenied', '<all_urls>')); return; }
    await update({ allSites: on });
  };
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('optSites')}</h2>
      <label class="check"><input type="checkbox" checked={s.allSites} onChange={(e) => toggleAll((e.target as HTMLInputElement).checked)} /> {t('optAllSites')}</label>
      <form class="inline" onSubmit={add}>
        <label for="site-input">{t('optAddSite')}</label>
        <input id="site-input" type="text" placeholder="example.com" value={input} aria-invalid={error ? true : undefined} aria-describedby={error ? 'site-error' : undefined}
          onInput={(e) => setInput((e.target as HTMLInputElement).value)} />
        <button type="submit">{t('optAdd')}</button>
      </form>
      {error && <p class="error" id="site-error" role="alert">{error}</p>}
      {s.extraSites.length > 0 && (
        <ul class="sites" aria-label={t('optYourSites')}>
          {s.extraSites.map((p) => (
            <li>{shown(p)} <button type="button" aria-label={t('optRemoveNamed', shown(p))} onClick={() => update({ extraSites: s.extraSites.filter((x) => x !== p) })}>{t('optRemove')}</button></li>
          ))}
        </ul>
      )}
      {s.disabledSites.length > 0 && (
        <>
          <h3>{t('optSwitchedOff')}</h3>
          <ul class="sites">
            {s.disabledSites.map((h) => <li>{h} <button type="button" aria-label={t('optTurnBackOnNamed', h)} onClick={() => update({ disabledSites: s.disabledSites.filter((x) => x !== h) })}>{t('optTurnBackOn')}</button></li>)}
          </ul>
        </>
      )}
      <details>
        <summary>{t('optDefaultSites')}</summary>
        <ul class="sites columns">
          {defaultSites().map((p) => (
            <li><label class="check"><input type="checkbox" checked={!s.removedDefaults.includes(p)}
              onChange={(e) => update({ removedDefaults: (e.target as HTMLInputElement).checked ? s.removedDefaults.filter((x) => x !== p) : [...s.removedDefaults, p] })} /> {shown(p)}</label></li>
          ))}
        </ul>
      </details>
    </section>
  );
}
