// The user's settings, kept in storage.sync and applied at once in open tabs (storage.onChanged).
import browser from 'webextension-polyfill';
import type { EntityType } from '../core/dictionary/index-format.ts';

export interface Settings {
  /** hosts where the user turned DiploLens off */
  disabledSites: string[];
  /** hosts the user added beyond the default news sites (needs the optional permission) */
  extraSites: string[];
  /** default news sites (manifest match patterns) the user removed */
  removedDefaults: string[];
  /** run on every site (needs the optional <all_urls> permission) */
  allSites: boolean;
  types: Record<EntityType, boolean>;
  /** how each type's mentions look */
  styles: Record<EntityType, HighlightStyle>;
  tooltipDelay: number;
  /** languages to match; empty = all */
  languages: string[];
  highlights: boolean;
}

export type HighlightMode = 'colour' | 'underline' | 'contrast';
export interface HighlightStyle { mode: HighlightMode; /** #rrggbb */ colour: string }

export const DEFAULTS: Settings = {
  disabledSites: [],
  extraSites: [],
  removedDefaults: [],
  allSites: false,
  types: { person: true, organization: true, treaty: true, country: true },
  styles: {
    person: { mode: 'colour', colour: '#ffc400' },
    organization: { mode: 'colour', colour: '#0096ff' },
    treaty: { mode: 'colour', colour: '#aa5aff' },
    country: { mode: 'colour', colour: '#00be6e' },
  },
  tooltipDelay: 350,
  languages: [],
  highlights: true,
};

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.sync.get('settings')).settings as Partial<Settings> | undefined;
  return { ...DEFAULTS, ...(stored ?? {}), types: { ...DEFAULTS.types, ...(stored?.types ?? {}) }, styles: { ...DEFAULTS.styles, ...(stored?.styles ?? {}) } };
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...change };
  try {
    await browser.storage.sync.set({ settings: next });
  } catch (err) {
    // storage.sync allows about 8 KB per item: a long site list can exceed it; the caller shows this
    throw new Error(`Settings not saved: ${(err as Error)?.message ?? err}`);
  }
  return next;
}

export function onSettingsChanged(fn: (s: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && changes.settings) loadSettings().then(fn);
  });
}

export const siteEnabled = (s: Settings, host: string) => !s.disabledSites.includes(host) && !s.removedDefaults.some((p) => patternCoversHost(p, host));

/** true when a match pattern like "https://*.bbc.com/*" covers the host (the host or a subdomain of it) */
export function patternCoversHost(pattern: string, host: string): boolean {
  const m = /^[^:]+:\/\/(\*\.)?([^/]+)\//.exec(pattern);
  if (!m) return false;
  return host === m[2] || (!!m[1] && host.endsWith('.' + m[2]));
}

/** The match pattern for a site the user typed ("example.com", "https://www.example.com/news"), or null. */
export function sitePattern(input: string): string | null {
  let host = input.trim().toLowerCase();
  try { if (/^[a-z]+:\/\//.test(host)) host = new URL(host).hostname; } catch { return null; }
  host = host.replace(/^\*\./, '').replace(/^www\./, '').replace(/\/.*$/, '');
  if (!/^(localhost|[a-z0-9-]+(\.[a-z0-9-]+)+)$/.test(host)) return null;
  return `*://*.${host}/*`;
}
