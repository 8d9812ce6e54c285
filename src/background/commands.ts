// Keyboard shortcuts (manifest "commands"): toggling highlights is a setting for every tab; stepping through
// mentions is asked of the active tab's content script.
import browser from 'webextension-polyfill';
import { loadSettings, saveSettings } from '../shared/settings.ts';

export async function runCommand(command: string, tabId?: number): Promise<unknown> {
  if (command === 'toggle-highlights') return saveSettings({ highlights: !(await loadSettings()).highlights });
  if (command !== 'next-mention' && command !== 'previous-mention') return null;
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return null;
  // a tab without our content script has nothing to step through
  return browser.tabs.sendMessage(id, { type: 'diplolens:command', command }).catch(() => null);
}

export function watchCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => { runCommand(command, tab?.id); });
}
