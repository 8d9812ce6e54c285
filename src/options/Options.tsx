// The options page: sites, what is highlighted and how, the user's own dictionary, remembered meetings, clearing.
// Reached from the context menu with #lookup=<text> (card view) or #add=<text> (the dictionary form, prefilled).
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { loadSettings, saveSettings, onSettingsChanged, type Settings } from '../shared/settings.ts';
import { CARD_CSS } from '../ui/EntityCard.tsx';
import { SitesSection } from './SitesSection.tsx';
import { HighlightSection } from './HighlightSection.tsx';
import { UserDictionary } from './UserDictionary.tsx';
import { LookupView } from './LookupView.tsx';
import { draftFromSelection, type Draft } from './entity-draft.ts';
import { clearMyData } from './storage-ops.ts';
import { MeetingsData } from './MeetingsData.tsx';


/** what the page was opened for: #lookup=<text>, #add=<text> */
export function readHash(hash: string): { lookup?: string; add?: string } {
  const m = /^#(lookup|add)=(.*)$/s.exec(hash);
  if (!m) return {};
  let text = '';
  try { text = decodeURIComponent(m[2]).trim().slice(0, 200); } catch { return {}; }
  return text ? { [m[1]]: text } : {};
}

export function Options() {
  const [s, setS] = useState<Settings | null>(null);
  const [error, setError] = useState('');
  const [route, setRoute] = useState(() => readHash(location.hash));
  const [prefill, setPrefill] = useState<Draft | null>(() => (route.add ? draftFromSelection(route.add) : null));
  const [confirming, setConfirming] = useState(false);
  const [cleared, setCleared] = useState(0);
  useEffect(() => {
    loadSettings().then(setS, (err) => setError(String(err?.message ?? err)));
    onSettingsChanged(setS);
    const onHash = () => {
      const r = readHash(location.hash);
      setRoute(r);
      if (r.add) setPrefill(draftFromSelection(r.add));
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const update = async (change: Partial<Settings>) => {
    try { setS(await saveSettings(change)); setError(''); } catch (err) { setError((err as Error).message); }
  };
  const clear = async () => {
    try { await clearMyData(); setS(await loadSettings()); setPrefill(null); setCleared((n) => n + 1); setError(''); }
    catch (err) { setError((err as Error).message); }
    setConfirming(false);
  };
  return (
    <main>
      <style>{CARD_CSS}</style>
      <header>
        <h1>{t('optTitle')}</h1>
        <p class="welcome">{t('optWelcome')}</p>
      </header>
      <div role="alert" class="error">{error}</div>
      {route.lookup && <LookupView query={route.lookup} onAdd={(text) => { setPrefill(draftFromSelection(text)); setRoute({}); }} />}
      {s && <SitesSection s={s} update={update} />}
      {s && <HighlightSection s={s} update={update} />}
      <UserDictionary key={`${cleared}:${prefill ? JSON.stringify(prefill) : ''}`} prefill={prefill} />
      <section aria-label={t('popupMeetings')}><MeetingsData /></section>
      <section aria-labelledby="clear-title">
        <h2 id="clear-title">{t('optClearTitle')}</h2>
        <p class="hint">{t('optClearHint')}</p>
        {confirming ? (
          <div class="actions" role="group" aria-label={t('optClearConfirm')}>
            <p>{t('optClearConfirm')}</p>
            <button type="button" class="danger" onClick={clear} ref={(el) => el?.focus()}>{t('optClearYes')}</button>
            <button type="button" onClick={() => setConfirming(false)}>{t('optCancel')}</button>
          </div>
        ) : <button type="button" class="danger" onClick={() => setConfirming(true)}>{t('optClear')}</button>}
        {cleared > 0 && !confirming && <p role="status">{t('optCleared')}</p>}
      </section>
    </main>
  );
}
