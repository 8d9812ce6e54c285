// "Look up in DiploLens" from the context menu: the worker's fuzzy search for the selection, the best hit's card.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t, uiLanguage, cardStrings } from '../shared/i18n.ts';
import { EntityCard } from '../ui/EntityCard.tsx';
import type { Card, SearchHit } from '../shared/messages.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function LookupView({ query, onAdd }: { query: string; onAdd: (text: string) => void }) {
  const lang = uiLanguage();
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [card, setCard] = useState<Card | null>(null);
  const open = async (id: string) => setCard((await browser.runtime.sendMessage({ type: 'diplolens:card', id, lang, date: today() })) as Card | null);
  useEffect(() => {
    (browser.runtime.sendMessage({ type: 'diplolens:search', query, lang }) as Promise<SearchHit[]>).then((h) => {
      setHits(h);
      if (h[0]) open(h[0].id);
    });
  }, [query]);
  return (
    <section aria-labelledby="lookup-title" class="lookup">
      <h2 id="lookup-title">{t('optLookup', query)}</h2>
      <div aria-live="polite">
        {hits && hits.length === 0 && <p>{t('popupNoResults')} <button type="button" onClick={() => onAdd(query)}>{t('optAddThis')}</button></p>}
        {card && <div class="card-box"><EntityCard card={card} strings={cardStrings()} /></div>}
      </div>
      {hits && hits.length > 1 && (
        <ul class="hits" aria-label={t('optOtherHits')}>
          {hits.map((h) => <li><button type="button" aria-pressed={card?.id === h.id} onClick={() => open(h.id)}>{h.label}{h.label !== h.labelEn ? ` · ${h.labelEn}` : ''}</button></li>)}
        </ul>
      )}
    </section>
  );
}
