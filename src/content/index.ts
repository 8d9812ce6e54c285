// The content script: reads the page, highlights what it finds, answers the popup. On a site the user switched
// off it only says a page started loading (the worker checks the site and does nothing); it reads nothing there.
// Page text never leaves the tab except to our own service worker.
import browser from 'webextension-polyfill';
import './highlight.css';
import { parseRequest } from '../shared/messages.ts';
import { loadSettings, onSettingsChanged, siteEnabled, type Settings } from '../shared/settings.ts';
import type { Card } from '../core/cards.ts';
import { createHighlighter } from './highlight.ts';
import { createTooltip } from './tooltip.tsx';
import { createPage, type Page, type PageMention } from './page.ts';
import { watchHover } from './hover.ts';
import { watchMutations, type Watcher } from './mutations.ts';
import { pageDate } from './page-date.ts';
import { detectLang } from '../core/language.ts';
import { createHighlightStyles } from './highlight-styles.ts';
import { watchKeyboard } from './keyboard.ts';
import { blockText } from './collect.ts';
import { reportMeetings } from './report-meetings.ts';

/** After the document is parsed and the page's own start-up scripts had their turn (what run_at document_idle gives). */
async function documentReady(): Promise<void> {
  if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
  await new Promise((r) => setTimeout(r, 0));
}

async function main() {
  // injected when the page starts loading: the service worker is woken (and loads the dictionary, if it has to, and
  // if the site is on: it knows the settings) while the page loads, not after; the page is read once it is parsed
  browser.runtime.sendMessage({ type: 'diplolens:warm' }).catch(() => {});
  let settings: Settings = await loadSettings();
  const host = location.hostname;
  await documentReady();
  let page: Page | null = null;
  let stopHover: (() => void) | null = null;
  const highlighter = createHighlighter();
  const tooltip = createTooltip(document);
  const styles = createHighlightStyles();
  const lang = (document.documentElement.lang || '').slice(0, 2).toLowerCase() || detectLang(document.body?.innerText?.slice(0, 3000) ?? '') || 'en';
  const cardDate = () => pageDate(document) ?? new Date().toISOString().slice(0, 10);

  const openCard = async (m: PageMention) => {
    // the card speaks the language of the text around the name (as the worker matched it)
    const blockLang = (m.block.lang ??= detectLang(blockText(m.block)) ?? lang);
    const card = (await browser.runtime.sendMessage({ type: 'diplolens:card', id: m.mention.entity.id, lang: blockLang, date: cardDate() })) as Card | null;
    if (card && m.range.getClientRects().length) tooltip.show(m.range, card, blockLang);
  };

  let watcher: Watcher | null = null;
  const newPage = () => {
    // the text is matched by our service worker, with the user's own entries and the languages chosen now
    page = createPage(document, highlighter, {
      lang, date: pageDate(document), langs: settings.languages, enabledTypes: () => settings.types,
      onShadowRoot: (root) => { styles.adopt(root); watcher?.observe(root); },
    });
    page.start().catch((err) => console.debug('DiploLens: page not read', err));
    void reportMeetings(page);
  };
  const start = () => {
    if (page) return;
    // a single-page navigation is a new article: read it afresh
    watcher = watchMutations(document, () => page, () => { tooltip.hide(); page?.clear(); newPage(); });
    newPage();
    stopHover = watchHover(document, () => page, tooltip, openCard, () => settings.tooltipDelay);
    highlighter.setVisible(settings.highlights);
    styles.adopt(document);
    styles.apply(settings.styles);
  };
  const stop = () => {
    stopHover?.();
    watcher?.stop();
    tooltip.hide();
    page?.clear();
    page = null;
  };

  browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
    // only our own extension talks to us
    if (sender.id !== browser.runtime.id) return;
    const req = parseRequest(msg);
    if (!req) return;
    if (req.type === 'diplolens:summary') {
      if (!page) return Promise.resolve({ url: location.href, title: document.title, lang, date: pageDate(document), mentions: [], meetings: [], disabled: true });
      return page.idle().then(() => page!.summary());
    }
    if (req.type === 'diplolens:reveal' && page) {
      const m = page.mentions().find((x) => x.mention.entity.id === req.id);
      if (!m) return Promise.resolve(false);
      const el = m.range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      highlighter.flash(m.range);
      return Promise.resolve(true);
    }
  });

  onSettingsChanged((s) => {
    const wasOn = siteEnabled(settings, host);
    const typesChanged = JSON.stringify(s.types) !== JSON.stringify(settings.types);
    const langsChanged = s.languages.join() !== settings.languages.join();
    settings = s;
    styles.apply(s.styles);
    if (page && langsChanged) { stop(); start(); }
    if (siteEnabled(s, host) && !wasOn) start();
    else if (!siteEnabled(s, host) && wasOn) stop();
    else if (page && typesChanged) page.rescan();
    highlighter.setVisible(s.highlights);
  });

  // the user's dictionary changed in the options page: read the page again with it, without a reload
  browser.storage.onChanged.addListener((changes, area) => { if (area === 'local' && changes.userDictionary && page) { stop(); start(); } });
  watchKeyboard({ page: () => page, tooltip, highlighter, open: openCard });

  if (siteEnabled(settings, host)) start();
}

main().catch((err) => console.debug('DiploLens: not started', err));
