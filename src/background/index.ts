// The service worker: owns the dictionary, the facts and the settings; matches the pages' text for their content
// scripts and answers them and the popup.
// It makes no network request; messages from anything but our own extension are ignored.
import browser from 'webextension-polyfill';
import { parseRequest } from '../shared/messages.ts';
import { buildCard } from '../core/cards.ts';
import { search } from './search.ts';
import { loadSettings, saveSettings, siteEnabled } from '../shared/settings.ts';
import { currentFacts } from './user-facts.ts';
import { registerContextMenu } from './context-menu.ts';
import { watchCommands } from './commands.ts';
import { watchSites } from './sites.ts';
import { handleMeetingRequest, isMeetingRequest, readingFor } from './meetings-handlers.ts';
import { serveReadings, warmUp } from './reading.ts';

serveReadings();
registerContextMenu();
watchCommands();
watchSites();

browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return;
  const req = parseRequest(msg);
  if (!req) return;
  if (isMeetingRequest(req)) return handleMeetingRequest(req, sender, currentFacts);
  switch (req.type) {
    case 'diplolens:warm':
      // not on a site the user switched off: nothing is loaded for a page we will not read
      return sender.tab && sender.url && /^https?:/.test(sender.url)
        ? loadSettings().then((s) => (siteEnabled(s, new URL(sender.url!).hostname) ? warmUp() : false)) : undefined;
    case 'diplolens:card':
      return currentFacts().then(async (facts) => buildCard(facts, req.id, { lang: req.lang, date: req.date, meetings: await readingFor(facts, req.id) }));
    case 'diplolens:search':
      return currentFacts().then((facts) => search(facts, req.query, req.lang));
    case 'diplolens:site':
      return (async () => {
        const s = await loadSettings();
        if (req.enabled !== undefined) {
          const disabled = new Set(s.disabledSites);
          if (req.enabled) disabled.delete(req.host); else disabled.add(req.host);
          await saveSettings({ disabledSites: [...disabled] });
        }
        return { host: req.host, enabled: !(await loadSettings()).disabledSites.includes(req.host) };
      })();
  }
});
