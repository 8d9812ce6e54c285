// What is highlighted and how: entity types, a style and colour per type, the card's delay, languages to match.
import { t } from '../shared/i18n.ts';
import { LANGS } from '../core/dictionary/schema.ts';
import { TYPES } from '../core/dictionary/index-format.ts';
import type { HighlightMode, Settings } from '../shared/settings.ts';

const TYPE_KEYS = { person: 'typePerson', organization: 'typeOrganization', treaty: 'typeTreaty', country: 'typeCountry' } as const;
const MODES: [HighlightMode, string][] = [['colour', 'optStyleColour'], ['underline', 'optStyleUnderline'], ['contrast', 'optStyleContrast']];
const LANG_NAMES: Record<string, string> = { en: 'English', ru: 'Русский', kk: 'Қазақша', uk: 'Українська', fr: 'Français', de: 'Deutsch', es: 'Español', tr: 'Türkçe', zh: '中文', ar: 'العربية', ja: '日本語', it: 'Italiano', pt: 'Português', pl: 'Polski' };

export function HighlightSection({ s, update }: { s: Settings; update: (c: Partial<Settings>) => Promise<void> }) {
  const langs = s.languages.length ? s.languages : [...LANGS];
  const toggleLang = (l: string, on: boolean) => {
    const next = on ? [...langs, l] : langs.filter((x) => x !== l);
    // every language ticked is stored as "all" so new languages are matched too
    update({ languages: next.length === LANGS.length ? [] : next });
  };
  return (
    <section aria-labelledby="hl-title">
      <h2 id="hl-title">{t('optHighlight')}</h2>
      <table class="types">
        <caption class="visually-hidden">{t('optHighlight')}</caption>
        <thead><tr><th scope="col">{t('optType')}</th><th scope="col">{t('optStyle')}</th><th scope="col">{t('optColour')}</th></tr></thead>
        <tbody>
          {TYPES.map((type) => (
            <tr>
              <th scope="row"><label class="check"><input type="checkbox" checked={s.types[type]} onChange={(e) => update({ types: { ...s.types, [type]: (e.target as HTMLInputElement).checked } })} /> {t(TYPE_KEYS[type])}</label></th>
              <td>
                <select aria-label={`${t('optStyle')}: ${t(TYPE_KEYS[type])}`} value={s.styles[type].mode}
                  onChange={(e) => update({ styles: { ...s.styles, [type]: { ...s.styles[type], mode: (e.target as HTMLSelectElement).value as HighlightMode } } })}>
                  {MODES.map(([m, key]) => <option value={m}>{t(key)}</option>)}
                </select>
              </td>
              <td>
                <input type="color" aria-label={`${t('optColour')}: ${t(TYPE_KEYS[type])}`} value={s.styles[type].colour}
                  onChange={(e) => update({ styles: { ...s.styles, [type]: { ...s.styles[type], colour: (e.target as HTMLInputElement).value } } })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="field">
        <label for="delay">{t('optDelay')}</label>
        <input id="delay" type="number" min={0} max={3000} step={50} value={s.tooltipDelay} aria-describedby="delay-hint"
          onChange={(e) => { const v = Math.round(Number((e.target as HTMLInputElement).value)); if (Number.isFinite(v)) update({ tooltipDelay: Math.min(3000, Math.max(0, v)) }); }} />
        <p class="hint" id="delay-hint">{t('optDelayHint')}</p>
      </div>
      <fieldset>
        <legend>{t('optLanguages')}</legend>
        <div class="columns">
          {LANGS.map((l) => <label class="check" lang={l}><input type="checkbox" checked={langs.includes(l)} onChange={(e) => toggleLang(l, (e.target as HTMLInputElement).checked)} /> {LANG_NAMES[l] ?? l}</label>)}
        </div>
      </fieldset>
    </section>
  );
}
