// UI strings through browser.i18n (_locales: en, ru, kk welcome), following the browser's language.
import browser from 'webextension-polyfill';

export const t = (key: string, sub?: string): string => browser.i18n.getMessage(key, sub) || key;
export const uiLanguage = (): string => browser.i18n.getUILanguage().slice(0, 2);
export const cardStrings = () => ({
  meetings: t('cardMeetings'), source: t('cardSource'), asOf: t('cardAsOf'), fromReading: t('cardFromReading'), planned: t('cardPlanned'), noMeetings: t('cardNoMeetings'),
});
