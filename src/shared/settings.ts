// The user's settings, kept in storage.sync and applied at once in open tabs (storage.onChanged).
import browser from 'webextension-polyfill';
import type { EntityType } from '../core/dictionary/index-format.ts';

export interface Settings {
  /** hosts where the user turned DiploLens off */
  disabledSites: string[];
  /** hosts the user added beyond the default news sites (needs the optional permission) */
  extraSites: string[];
  types: Record<EntityType, boolean>;
  style: 'colour' | 'underline' | 'contrast';
  tooltipDelay: number;
  /** languages to match; empty = all */
  languages: string[];
  highlights: boolean;
}

export const DEFAULTS: Settings = {
  disabledSites: [],
  extraSites: [],
  types: { person: true, organization: true, treaty: true, country: true },
  style: 'colour',
  tooltipDelay: 350,
  languages: [],
  highlights: true,
};

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.sync.get('settings')).settings as Partial<Settings> | undefined;
  return { ...DEFAULTS, ...(stored ?? {}), types: { ...DEFAULTS.types, ...(stored?.types ?? {}) } };
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...change };
  await browser.storage.sync.set({ settings: next });
  return next;
}

export function onSettingsChanged(fn: (s: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && changes.settings) loadSettings().then(fn);
  });
}

export const siteEnabled = (s: Settings, host: string) => !s.disabledSites.includes(host);
