// Meetings remembered across what the user reads: the Russian seed article and an English article about the
// same meeting become one meeting with two sources, shown on Ian Borg's card as "from your reading".
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { serve, launch, settledHighlights, tabIdOf, type Browser, type Served } from './harness.ts';
import type { Page } from 'playwright-core';

let server: Served;
let browser: Browser;
let ru: string;
let en: string;

/** The stored meetings, read straight from the worker's IndexedDB. */
const stored = () => browser.worker.evaluate(() => new Promise<any[]>((resolve, reject) => {
  const open = indexedDB.open('diplolens');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('meetings')) { db.close(); resolve([]); return; }
    const req = db.transaction('meetings').objectStore('meetings').getAll();
    req.onsuccess = () => { db.close(); resolve(req.result); };
    req.onerror = () => reject(req.error);
  };
}));

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 10000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function hover(page: Page, text: string) {
  const box = await page.evaluate((t) => {
    for (const [name, h] of (CSS as any).highlights as Map<string, Set<Range>>)
      if (name === 'diplolens-person') for (const r of h) if (__liveRange(r).toString() === t) { const b = __liveRange(r).getBoundingClientRect(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; }
    return null;
  }, text);
  expect(box, `"${text}" highlighted`).not.toBeNull();
  await page.mouse.move(box!.x, box!.y);
  const tip = page.locator('diplolens-ui #diplolens-tooltip');
  await tip.waitFor({ state: 'visible', timeout: 5000 });
  return tip;
}

beforeAll(async () => {
  server = await serve();
  browser = await launch();
  ru = `${server.origin}/seed-article-ru.html`;
  en = `${server.origin}/meeting-article-en.html`;
});
afterAll(async () => { await browser?.close(); await server?.close(); });

describe('meetings from the user\'s reading', () => {
  it('remembers the meeting of two articles in two languages as one meeting with both pages as sources', async () => {
    const first = await browser.context.newPage();
    await first.goto(ru);
    await settledHighlights(first, 20);
    const afterRu = await until(stored, (l) => l.length > 0);
    expect(afterRu.map((m) => m.key)).toEqual(['person:ian-borg|person:murat-nurtleu@2024-06-25']);

    const second = await browser.context.newPage();
    await second.goto(en);
    await settledHighlights(second, 3);
    const both = await until(stored, (l) => l[0]?.sources.length === 2);
    expect(both).toHaveLength(1);
    expect(both[0].sources.map((s: any) => [s.url, s.lang])).toEqual([[ru, 'ru'], [en, 'en']]);
    expect(both[0].sources[1].evidence).toContain('Murat Nurtleu met OSCE Chairman-in-Office Ian Borg');
    await first.close();

    const tip = await hover(second, 'Ian Borg');
    const rows = tip.locator('li.meeting', { hasText: '2024-06-25' }).filter({ hasText: 'Murat Nurtleu' });
    expect(await rows.count()).toBe(1);
    const row = rows.first();
    expect(await row.innerText()).toContain('from your reading');
    const read = await row.locator('a.src.read').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(read).toEqual([ru, en]);
    // the titles of the pages read name the links
    expect(await row.locator('a.src.read').allInnerTexts()).toEqual(['Нуртлеу и Борч: встреча в Астане — демо-страница', 'Nurtleu and Borg meet in Astana — test article']);
    await second.close();
  });

  it('shows Ian Borg\'s timeline in the popup with the remembered meeting, a chart of counterparts, and opens a source', async () => {
    const article = await browser.context.newPage();
    await article.goto(en);
    await settledHighlights(article, 3);
    const tabId = await tabIdOf(browser, en);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.locator('button.entity[data-id="person:ian-borg"]').click();
    const timeline = popup.locator('.card-view section.timeline');
    await timeline.locator('li.meeting').first().waitFor();
    // every bundled meeting of Borg's and the one read, which merges with the bundled one of the same day
    const days = await timeline.locator('li.meeting').count();
    expect(days).toBeGreaterThan(10);
    const row = timeline.locator('li.meeting.from-reading');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('Murat Nurtleu');
    expect(await row.locator('a.src.read').count()).toBe(2);
    // the chart: one bar per counterpart, Nurtleu's partly from reading
    const bar = timeline.locator('svg.counterparts g.bar[data-id="person:murat-nurtleu"]');
    expect(await bar.locator('rect.read').count()).toBe(1);
    expect(await timeline.locator('svg.counterparts g.bar').count()).toBeGreaterThan(3);
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), row.locator('a.src.read').first().click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(ru);
    await opened.close();
    await popup.close();
    await article.close();
  });

  it('sends no request off the machine', () => {
    const outside = browser.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('chrome-extension://') && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
  });
});
