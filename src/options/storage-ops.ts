// What the options page does beyond settings: permissions for sites and "clear my data".
import browser from 'webextension-polyfill';
import { DEFAULTS, loadSettings, saveSettings } from '../shared/settings.ts';

/** The news sites DiploLens runs on by default: the manifest's content-script matches. */
export const defaultSites = (): string[] => browser.runtime.getManifest().content_scripts?.[0]?.matches ?? [];

/** Asks for a host permission; must run inside the click handler (a user gesture). */
export const requestOrigins = (origins: string[]) => browser.permissions.request({ origins });

/** Removes the user's dictionary, remembered meetings and settings, and gives back the optional permissions. */
export async function clearMyData(): Promise<void> {
  const s = await loadSettings();
  await browser.storage.local.clear();
  await browser.storage.sync.clear();
  // the remembered meetings live with the worker; an older worker without them simply does not answer
  await browser.runtime.sendMessage({ type: 'diplolens:meetings-clear' }).catch(() => undefined);
  const extra = [...s.extraSites, ...(s.allSites ? ['<all_urls>'] : [])];
  if (extra.length) await browser.permissions.remove({ origins: extra }).catch(() => false);
  await saveSettings(DEFAULTS);
}
