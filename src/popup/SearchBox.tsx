// Search the whole dictionary, typo-tolerant, in any of its languages.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import type { SearchHit } from '../shared/messages.ts';

export function SearchBox({ search, onPick }: { lang: string; search: (q: string) => Promise<SearchHit[]>; onPick: (hit: SearchHit) => void }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  useEffect(() => {
    if (query.trim().length < 2) { setHits(null); return; }
    let live = true;
    const timer = setTimeout(() => search(query).then((h) => live && setHits(h)), 120);
    return () => { live = false; clearTimeout(timer); };
  }, [query]);
  return (
    <div class="search" role="search">
      <label for="q" class="visually-hidden">{t('popupSearch')}</label>
      <input id="q" type="search" value={query} placeholder={t('popupSearchPlaceholder')} autocomplete="off"
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
      {hits && (
        hits.length === 0 ? <p class="muted">{t('popupNoResults')}</p> : (
          <ul class="hits" aria-label={t('popupSearch')}>
            {hits.map((h) => (
              <li><button type="button" class="hit" data-id={h.id} onClick={() => { setQuery(''); onPick(h); }}>
                <span class="label">{h.label}</span>{h.labelEn !== h.label && <span class="muted"> · {h.labelEn}</span>}
              </button></li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}
