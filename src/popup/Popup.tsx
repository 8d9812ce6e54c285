// The popup: what this page mentions, grouped by type; a search over the whole dictionary; the site switch.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t, uiLanguage, cardStrings } from '../shared/i18n.ts';
import { EntityCard } from '../ui/EntityCard.tsx';
import type { Card, PageSummary, SearchHit } from '../shared/messages.ts';
import { currentTab, pageSummary, reveal, searchDictionary, entityCard, siteState } from './api.ts';
import { PageEntities } from './PageEntities.tsx';
import { SearchBox } from './SearchBox.tsx';
import { MeetingTimeline } from './MeetingTimeline.tsx';

const today = () => new Date().toISOString().slice(0, 10);

export function Popup() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [host, setHost] = useState<string | null>(null);
  const [summary, setSummary] = useState<(PageSummary & { disabled?: boolean }) | null | undefined>(undefined);
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [card, setCard] = useState<Card | null>(null);
  const lang = uiLanguage();

  useEffect(() => {
    currentTab().then(async (tab) => {
      if (!tab?.id) { setSummary(null); return; }
      setTabId(tab.id);
      const h = tab.url ? new URL(tab.url).hostname : null;
      setHost(h);
      if (h) siteState(h).then((s) => setEnabled(s.enabled));
      setSummary(await pageSummary(tab.id));
    });
  }, []);

  const open = async (id: string) => {
    if (tabId !== null) reveal(tabId, id);
    setCard(await entityCard(id, lang, summary?.date ?? today()));
  };
  const toggleSite = async (on: boolean) => {
    if (!host) return;
    setEnabled((await siteState(host, on)).enabled);
    if (tabId !== null) setTimeout(() => pageSummary(tabId).then(setSummary), 300);
  };

  return (
    <main>
      <header class="bar">
        <h1>DiploLens</h1>
        {host && enabled !== null && (
          <label class="switch">
            <input type="checkbox" checked={enabled} onChange={(e) => toggleSite((e.target as HTMLInputElement).checked)} />
            {t('popupSiteSwitch')}
          </label>
        )}
      </header>
      <SearchBox lang={lang} search={(q) => searchDictionary(q, lang)} onPick={(hit: SearchHit) => entityCard(hit.id, lang, summary?.date ?? today()).then(setCard)} />
      {card ? (
        <section class="card-view" aria-live="polite">
          <button type="button" class="back" onClick={() => setCard(null)}>← {t('popupBack')}</button>
          <EntityCard card={card} strings={cardStrings()} />
          <MeetingTimeline id={card.id} lang={lang} />
        </section>
      ) : (
        <PageEntities summary={summary} onOpen={open} />
      )}
      <footer><a href={browser.runtime.getURL('src/options/index.html')} target="_blank" rel="noopener">{t('popupOptions')}</a></footer>
    </main>
  );
}
