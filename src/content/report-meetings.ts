// After the page is read, its meetings go to our own service worker, which remembers them (nothing else ever
// sees them). Sent again when the user leaves the tab, if the page has reported new meetings since.
import browser from 'webextension-polyfill';
import type { PageSummary } from '../core/contracts.ts';
import { isMeetingOut, MAX_EVIDENCE } from '../shared/meeting-check.ts';

interface ReadPage { idle(): Promise<void>; summary(): PageSummary }
type Send = (msg: unknown) => Promise<unknown>;

const MAX_MEETINGS = 200;
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
      const msg = meetingsMessage(page.summary());
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
