// Sites beyond the default news list: the user adds them (or "all sites") in the options page, granting the host
// permission there; the worker registers the same content script for them, excluding the manifest's own matches.
import browser from 'webextension-polyfill';
import { loadSettings, onSettingsChanged, type Settings } from '../shared/settings.ts';

const SCRIPT_ID = 'diplolens-extra-sites';

export const extraMatches = (s: Settings): string[] => (s.allSites ? ['<all_urls>'] : s.extraSites);

export async function syncContentScripts(): Promise<void> {
  const s = await loadSettings();
  const granted: string[] = [];
  for (const p of extraMatches(s)) if (await browser.permissions.contains({ origins: [p] })) granted.push(p);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  const [cs] = browser.runtime.getManifest().content_scripts ?? [];
  if (!granted.length || !cs?.js?.length) return;
  await browser.scripting.registerContentScripts([{
    id: SCRIPT_ID, matches: granted, excludeMatches: cs.matches, js: cs.js, css: cs.css, runAt: 'document_start', allFrames: true,
  }]);
}

export function watchSites(): void {
  const sync = () => syncContentScripts().catch((err) => console.error('DiploLens: extra sites not registered', err));
  onSettingsChanged(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
}
