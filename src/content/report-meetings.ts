// After the page is read, its meetings go to our own service worker, which remembers them (nothing else ever
// sees them). Sent again when the user leaves the tab, if the page has reported new meetings since.
import browser from 'webextension-polyfill';
import type { PageSummary } from '../core/contracts.ts';
import { isMeetingOut, MAX_EVIDENCE } from '../shared/meeting-check.ts';

interface ReadPage { idle(): Promise<void>; summary(): PageSummary | Promise<PageSummary>; mentions(): { mention: { entity: { id: string; type: string } } }[] }
type Send = (msg: unknown) => Promise<unknown>;

const MAX_MEETINGS = 200;
// The summary extracts meetings from the whole text in one go: on a feed of thousands of mentions that would
// block the page, so such pages (lists, not articles) are not reported.
const MAX_MENTIONS = 1500;

/** Whether summarizing is worth it: a meeting needs two people, and the page must be article-sized. */
export function worthSummarizing(page: ReadPage): boolean {
  const list = page.mentions();
  if (list.length > MAX_MENTIONS) return false;
  const people = new Set<string>();
  for (const m of list) if (m.mention.entity.type === 'person') people.add(m.mention.entity.id);
  return people.size >= 2;
}
let stopPrevious: (() => void) | null = null;

/** The 'diplolens:page-meetings' message for a page summary, or null when it reports no meeting. */
export function meetingsMessage(summary: PageSummary) {
  const meetings = summary.meetings
    .map((m) => ({ ...m, evidence: m.evidence.slice(0, MAX_EVIDENCE) }))
    .filter(isMeetingOut) // one odd meeting must not make the worker refuse the others
    .slice(0, MAX_MEETINGS);
  if (!meetings.length || !/^https?:/.test(summary.url)) return null;
  return { type: 'diplolens:page-meetings' as const, url: summary.url, title: summary.title.slice(0, 1000), lang: summary.lang.slice(0, 8), meetings };
}

/**
 * Reports the page's meetings once it is read; again, if they changed, each time the tab is hidden.
 * A later call (a new page after a single-page navigation) replaces the earlier one. Never throws.
 */
export function reportMeetings(page: ReadPage, doc: Document = document, send: Send = (m) => browser.runtime.sendMessage(m)): Promise<void> {
  stopPrevious?.();
  let sent = '';
  const report = async () => {
    try {
      await page.idle();
      if (!worthSummarizing(page)) return;
      const msg = meetingsMessage(await page.summary());
      const signature = msg ? JSON.stringify([msg.url, msg.meetings.map((m) => [m.participants.map((p) => p.id), m.date])]) : '';
      if (!msg || signature === sent) return;
      sent = signature;
      await send(msg);
    } catch (err) {
      console.debug('DiploLens: meetings not reported', err);
    }
  };
  const onHide = () => { if (doc.visibilityState === 'hidden') void report(); };
  doc.addEventListener('visibilitychange', onHide);
  stopPrevious = () => doc.removeEventListener('visibilitychange', onHide);
  return report();
}
