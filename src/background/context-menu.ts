// The context menu on selected text: look the selection up (the options page's card view searches with fuse.js
// through the worker), or add it to the user's dictionary (the options page's form, prefilled).
import browser from 'webextension-polyfill';

const LOOKUP = 'diplolens-lookup';
const ADD = 'diplolens-add';

/** The options page URL for an action on a selection (the selection is trimmed and kept short). */
export function optionsUrl(action: 'lookup' | 'add', selection: string): string {
  const text = selection.replace(/\s+/g, ' ').trim().slice(0, 200);
  return browser.runtime.getURL(`src/options/index.html#${action}=${encodeURIComponent(text)}`);
}

async function create() {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: LOOKUP, title: browser.i18n.getMessage('menuLookup'), contexts: ['selection'] });
  browser.contextMenus.create({ id: ADD, title: browser.i18n.getMessage('menuAdd'), contexts: ['selection'] });
}

export function registerContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => { create(); });
  browser.runtime.onStartup.addListener(() => { create(); });
  browser.contextMenus.onClicked.addListener((info) => {
    if (!info.selectionText || (info.menuItemId !== LOOKUP && info.menuItemId !== ADD)) return;
    browser.tabs.create({ url: optionsUrl(info.menuItemId === LOOKUP ? 'lookup' : 'add', info.selectionText) });
  });
}
