// @vitest-environment happy-dom
// The options page's "Meetings from your reading" as the user meets it, through the real message checks and
// service-worker handlers, on a fake IndexedDB: filter, delete, a bad import refused with its line, clear all.
import 'fake-indexeddb/auto';
import { describe, it, expect, vi, beforeEach } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { MeetingOut } from '../../src/core/contracts.ts';

const EXT = 'chrome-extension://diplolens/';
const sent: unknown[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'diplolens',
      getURL: (p: string) => EXT + p,
      // the options page's messages go through parseRequest and the worker's handlers, as from an extension page
      sendMessage: async (msg: unknown) => {
        sent.push(msg);
        const { parseRequest } = await import('../../src/shared/messages.ts');
        const { handleMeetingRequest, isMeetingRequest } = await import('../../src/background/meetings-handlers.ts');
        const req = parseRequest(msg);
        if (!req || !isMeetingRequest(req)) throw new Error(`refused: ${JSON.stringify(msg)}`);
        return handleMeetingRequest(req, { id: 'diplolens', url: EXT + 'src/options/index.html' }, async () => { throw new Error('no facts'); });
      },
    },
  },
}));

const { MeetingsData } = await import('../../src/options/MeetingsData.tsx');
const { handleMeetingRequest } = await import('../../src/background/meetings-handlers.ts');
const { parseRequest } = await import('../../src/shared/messages.ts');

const NURTLEU = { id: 'person:murat-nurtleu', name: 'Murat Nurtleu' };
const BORG = { id: 'person:ian-borg', name: 'Ian Borg' };
const LAVROV = { id: 'person:sergey-lavrov', name: 'Sergey Lavrov' };
const met = (over: Partial<MeetingOut>): MeetingOut => ({ participants: [NURTLEU, BORG], date: '2024-06-25', place: 'Astana', kind: 'in-person', cameo: '044', evidence: 'Nurtleu met Borg in Astana.', ...over });

/** a page's content script reporting its meetings (the tab's URL is the page's) */
async function read(url: string, meetings: MeetingOut[]) {
  const req = parseRequest({ type: 'diplolens:page-meetings', url, title: `Article ${url}`, lang: 'en', meetings })!;
  expect(req).not.toBeNull();
  await handleMeetingRequest(req as any, { id: 'diplolens', url, tab: { id: 1, incognito: false } as any }, async () => { throw new Error(); });
}

const flush = async () => { for (let i = 0; i < 8; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); }); };
const button = (root: HTMLElement, name: string) => root.querySelector<HTMLButtonElement>(`button[name="${name}"]`)!;
const rows = (root: HTMLElement) => [...root.querySelectorAll<HTMLLIElement>('ul.stored-meetings > li')];

let root: HTMLElement;
beforeEach(async () => {
  sent.length = 0;
  await (await import('../../src/background/meetings-store.ts')).openMeetingsStore().then(async (s) => { await s.clear(); s.close(); });
  await read('https://total.kz/a', [met({})]);
  await read('https://astanatimes.com/b', [met({}), met({ participants: [NURTLEU, LAVROV], date: '2023-04-12', place: 'Moscow', evidence: 'Nurtleu held talks with Lavrov.' })]);
  document.body.innerHTML = '<div id="app"></div>';
  root = document.getElementById('app')!;
  await act(() => { render(<MeetingsData lang="en" />, root); });
  await flush();
});

describe('meetings from reading in the options page', () => {
  it('lists each meeting once, newest first, with every source as a link', () => {
    const list = rows(root);
    expect(list.map((r) => r.querySelector('time')!.textContent)).toEqual(['2024-06-25', '2023-04-12']);
    expect([...list[0].querySelectorAll('.sources a')].map((a) => a.getAttribute('href'))).toEqual(['https://total.kz/a', 'https://astanatimes.com/b']);
    expect(list[1].querySelector('blockquote')!.textContent).toBe('Nurtleu held talks with Lavrov.');
  });

  it('filters by participant and by words', async () => {
    const select = root.querySelector<HTMLSelectElement>('select[name="participant"]')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Anyone', 'Ian Borg', 'Murat Nurtleu', 'Sergey Lavrov']);
    await act(() => { select.value = LAVROV.id; select.dispatchEvent(new Event('change', { bubbles: true })); });
    await flush();
    expect(rows(root).map((r) => r.querySelector('time')!.textContent)).toEqual(['2023-04-12']);
    await act(() => { select.value = ''; select.dispatchEvent(new Event('change', { bubbles: true })); });
    const words = root.querySelector<HTMLInputElement>('input[name="text"]')!;
    await act(() => { words.value = 'borg'; words.dispatchEvent(new Event('input', { bubbles: true })); });
    await flush();
    expect(rows(root).map((r) => r.querySelector('time')!.textContent)).toEqual(['2024-06-25']);
  });

  it('deletes one meeting', async () => {
    await act(() => { rows(root)[1].querySelector<HTMLButtonElement>('button.delete')!.click(); });
    await flush();
    expect(rows(root).map((r) => r.querySelector('time')!.textContent)).toEqual(['2024-06-25']);
  });

  it('refuses a CSV file with a bad line, says which line and column, and keeps what is stored', async () => {
    const csv = 'date,participant_ids,participant_names,place,kind,cameo,planned,url,title,lang,read_at,evidence\r\n'
      + '2024-07-01,person:a;person:b,A;B,Baku,in-person,044,,https://x.az/1,T,en,2024-07-01T10:00:00Z,They met.\r\n'
      + '2024-07-02,person:a;person:b,A;B,Baku,in-person,044,,https://x.az/2,T,en,yesterday,They met again.\r\n';
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [new File([csv], 'meetings.csv', { type: 'text/csv' })], configurable: true });
    await act(() => { input.dispatchEvent(new Event('change', { bubbles: true })); });
    await flush();
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Nothing was imported. meetings.csv: line 3, column read_at: expected an ISO date-time');
    expect(rows(root)).toHaveLength(2);
  });

  it('clears all after a confirmation', async () => {
    await act(() => { button(root, 'clear').click(); });
    expect(root.querySelector('.confirm')!.textContent).toContain('Delete all 2 remembered meetings?');
    await act(() => { button(root, 'clear-yes').click(); });
    await flush();
    expect(rows(root)).toEqual([]);
    expect(root.textContent).toContain('No meeting remembered yet.');
  });
});

describe('who may ask', () => {
  it('refuses management requests from web pages and reports under another page\'s address', async () => {
    const list = parseRequest({ type: 'diplolens:meetings-list' })!;
    expect(handleMeetingRequest(list as any, { id: 'diplolens', url: 'https://evil.example/', tab: { id: 2 } as any }, async () => { throw new Error(); })).toBeUndefined();
    const forged = parseRequest({ type: 'diplolens:page-meetings', url: 'https://total.kz/a', title: 't', lang: 'en', meetings: [met({})] })!;
    expect(handleMeetingRequest(forged as any, { id: 'diplolens', url: 'https://other.example/', tab: { id: 2 } as any }, async () => { throw new Error(); })).toBeUndefined();
    expect(handleMeetingRequest(forged as any, { id: 'diplolens', url: 'https://total.kz/a', tab: { id: 2, incognito: true } as any }, async () => { throw new Error(); })).toBeUndefined();
  });

  it('ignores a page-meetings message with one malformed meeting', () => {
    const bad = { type: 'diplolens:page-meetings', url: 'https://total.kz/a', title: 't', lang: 'en' };
    expect(parseRequest({ ...bad, meetings: [met({}), { ...met({}), date: '25.06.2024' }] })).toBeNull();
    expect(parseRequest({ ...bad, meetings: [{ ...met({}), participants: [NURTLEU] }] })).toBeNull();
    expect(parseRequest({ ...bad, url: 'javascript:alert(1)', meetings: [met({})] })).toBeNull();
    expect(parseRequest({ ...bad, meetings: [met({})] })).not.toBeNull();
  });
});
