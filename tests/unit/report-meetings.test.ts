// The content script's report of a page's meetings: sent once the page is read, again only when they changed,
// never for pages without two people or with thousands of mentions, and only with well-formed meetings.
import { describe, it, expect, vi } from 'vitest';
import type { MeetingOut, PageSummary } from '../../src/core/contracts.ts';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: async () => undefined } } }));
const { reportMeetings } = await import('../../src/content/report-meetings.ts');

const NURTLEU = { id: 'person:murat-nurtleu', name: 'Murat Nurtleu' };
const BORG = { id: 'person:ian-borg', name: 'Ian Borg' };
const met = (over: Partial<MeetingOut> = {}): MeetingOut => ({ participants: [NURTLEU, BORG], date: '2024-06-25', place: 'Astana', kind: 'in-person', cameo: '044', evidence: 'Nurtleu met Borg.', ...over });
const person = (id: string) => ({ mention: { entity: { id, type: 'person' } } });

function fakePage(meetings: MeetingOut[], mentions = [person(NURTLEU.id), person(BORG.id)]) {
  const page = {
    meetings, mentionList: mentions, summaries: 0,
    idle: async () => undefined,
    mentions: () => page.mentionList,
    summary: (): PageSummary => { page.summaries++; return { url: 'https://total.kz/a#top', title: 'Article', lang: 'ru', date: '2024-06-25', mentions: [], meetings: page.meetings }; },
  };
  return page;
}
function fakeDoc() {
  const listeners = new Set<() => void>();
  return {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
    hide() { this.visibilityState = 'hidden'; for (const l of listeners) l(); },
    listeners,
  };
}

describe('reporting a page\'s meetings', () => {
  it('sends the page\'s meetings once read, and again on leaving the tab only if they changed', async () => {
    const page = fakePage([met()]);
    const doc = fakeDoc();
    const sent: any[] = [];
    await reportMeetings(page, doc as unknown as Document, async (m) => { sent.push(m); });
    expect(sent).toEqual([{ type: 'diplolens:page-meetings', url: 'https://total.kz/a#top', title: 'Article', lang: 'ru', meetings: [met()] }]);
    doc.hide();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toHaveLength(1);
    page.meetings = [met(), met({ date: '2024-06-26' })];
    doc.hide();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent.map((m) => m.meetings.length)).toEqual([1, 2]);
  });

  it('drops a malformed meeting and keeps the others; sends nothing without meetings', async () => {
    const sent: any[] = [];
    await reportMeetings(fakePage([met({ date: 'June' as any }), met()]), fakeDoc() as unknown as Document, async (m) => { sent.push(m); });
    expect(sent[0].meetings).toEqual([met()]);
    await reportMeetings(fakePage([]), fakeDoc() as unknown as Document, async (m) => { sent.push(m); });
    expect(sent).toHaveLength(1);
  });

  it('does not even summarize a page with fewer than two people, or a feed with thousands of mentions', async () => {
    const one = fakePage([met()], [person(BORG.id), person(BORG.id)]);
    const feed = fakePage([met()], Array.from({ length: 5000 }, (_, i) => person(`person:p${i}`)));
    const send = vi.fn(async () => undefined);
    await reportMeetings(one, fakeDoc() as unknown as Document, send);
    await reportMeetings(feed, fakeDoc() as unknown as Document, send);
    expect([one.summaries, feed.summaries, send.mock.calls.length]).toEqual([0, 0, 0]);
  });

  it('stops listening to the previous page when a new one is reported, and never throws when the worker is away', async () => {
    const first = fakeDoc();
    await reportMeetings(fakePage([met()]), first as unknown as Document, async () => undefined);
    expect(first.listeners.size).toBe(1);
    await expect(reportMeetings(fakePage([met()]), fakeDoc() as unknown as Document, async () => { throw new Error('Receiving end does not exist'); })).resolves.toBeUndefined();
    expect(first.listeners.size).toBe(0);
  });
});
