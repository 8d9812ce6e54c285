// The service worker's answers about remembered meetings. A page may only report its own meetings (the URL it
// sends must be the one the browser says it came from); only the extension's own pages may list, change,
// export or import them. Private-window pages are never remembered.
import browser from 'webextension-polyfill';
import type { Request } from '../shared/messages.ts';
import { meetingSubjects, relatedMeetings, type CardMeeting } from '../core/cards.ts';
import type { Facts, MeetingFact } from '../core/dictionary/facts.ts';
import { openMeetingsStore, type MeetingsStore } from './meetings-store.ts';
import { ImportError, readingFacts, sourceUrl } from './meetings-format.ts';

let store: Promise<MeetingsStore> | null = null;
const meetings = () => {
  store ??= openMeetingsStore().catch((err) => { store = null; throw err; });
  return store;
};

type Sender = browser.Runtime.MessageSender;
const fromExtensionPage = (sender: Sender) => !!sender.url && sender.url.startsWith(browser.runtime.getURL(''));

/** The meetings from the user's reading that concern an entity (never fails: no reading, no extra meetings). */
export async function readingFor(facts: Facts, id: string): Promise<MeetingFact[]> {
  const e = facts.get(id);
  if (!e) return [];
  try {
    return readingFacts(await (await meetings()).ofParticipants(meetingSubjects(facts, e)));
  } catch (err) {
    console.error('DiploLens: remembered meetings unavailable', err);
    return [];
  }
}

/** Every meeting of an entity, bundled and from reading, newest first: the popup's timeline. */
export async function timelineOf(facts: Facts, id: string, lang: string): Promise<CardMeeting[]> {
  const e = facts.get(id);
  return e ? relatedMeetings(facts, e, lang, await readingFor(facts, id), 1000) : [];
}

type MeetingRequest = Extract<Request, { type: `diplolens:${'page-meetings' | `meetings-${string}`}` }>;
export const isMeetingRequest = (req: Request): req is MeetingRequest => req.type === 'diplolens:page-meetings' || req.type.startsWith('diplolens:meetings-');

/** The answer to a meetings request, or undefined when the sender may not ask it. */
export function handleMeetingRequest(req: MeetingRequest, sender: Sender, facts: () => Promise<Facts>): Promise<unknown> | undefined {
  if (req.type === 'diplolens:page-meetings') {
    if (!sender.tab || sender.tab.incognito || !sender.url || sourceUrl(sender.url) !== sourceUrl(req.url)) return undefined;
    return meetings().then((s) => s.addPage({ url: req.url, title: req.title, lang: req.lang, readAt: new Date().toISOString() }, req.meetings));
  }
  if (!fromExtensionPage(sender)) return undefined;
  switch (req.type) {
    case 'diplolens:meetings-list': {
      const { type: _, ...filter } = req;
      return meetings().then((s) => s.list(filter));
    }
    case 'diplolens:meetings-delete': return meetings().then((s) => s.remove(req.key));
    case 'diplolens:meetings-clear': return meetings().then((s) => s.clear()).then(() => true);
    case 'diplolens:meetings-export':
      return meetings().then(async (s) => ({ format: req.format, text: req.format === 'json' ? await s.exportJson() : await s.exportCsv() }));
    case 'diplolens:meetings-import':
      // an answer, not a rejection: the options page shows the message naming the line and field
      return meetings().then((s) => s.importText(req.text, req.format)).then(
        (result) => ({ ok: true as const, ...result }),
        (err) => ({ ok: false as const, error: err instanceof ImportError ? err.message : `Import failed: ${(err as Error).message}` }),
      );
    case 'diplolens:meetings-of': return facts().then((f) => timelineOf(f, req.id, req.lang));
  }
}

export type ImportAnswer = { ok: true; added: number; updated: number; meetings: number } | { ok: false; error: string };
export type ExportAnswer = { format: 'json' | 'csv'; text: string };
