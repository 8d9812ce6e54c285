// What the popup asks of the current tab and of the service worker.
import browser from 'webextension-polyfill';
import type { PageSummary, SearchHit, Card, SiteState } from '../shared/messages.ts';

/** The tab the popup describes: the active one, or ?tab=<id> when the popup is opened as a page (tests). */
export async function currentTab(): Promise<browser.Tabs.Tab | undefined> {
  const forced = Number(new URLSearchParams(location.search).get('tab'));
  if (forced) return browser.tabs.get(forced);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

export async function pageSummary(tabId: number): Promise<(PageSummary & { disabled?: boolean }) | null> {
  try {
    return (await browser.tabs.sendMessage(tabId, { type: 'diplolens:summary' })) as PageSummary;
  } catch {
    return null; // no content script on this page
  }
}

export const reveal = (tabId: number, id: string) => browser.tabs.sendMessage(tabId, { type: 'diplolens:reveal', id }).catch(() => false);
export const searchDictionary = (query: string, lang: string) => browser.runtime.sendMessage({ type: 'diplolens:search', query, lang }) as Promise<SearchHit[]>;
export const entityCard = (id: string, lang: string, date: string) => browser.runtime.sendMessage({ type: 'diplolens:card', id, lang, date }) as Promise<Card | null>;
export const siteState = (host: string, enabled?: boolean) =>
  browser.runtime.sendMessage({ type: 'diplolens:site', host, ...(enabled === undefined ? {} : { enabled }) }) as Promise<SiteState>;
