// Keyboard on the seed article: the next-mention command (sent as the worker sends it) opens the first mention's
// card, the next one moves on in document order, previous goes back, Escape closes the card.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { serve, launch, settledHighlights, tabIdOf, type Browser, type Served } from './harness.ts';
import type { Page } from 'playwright-core';

let server: Served;
let browser: Browser;
let page: Page;
let tabId: number | null;

beforeAll(async () => {
  server = await serve();
  browser = await launch();
  page = await browser.context.newPage();
  const url = `${server.origin}/seed-article-ru.html`;
  await page.goto(url);
  await settledHighlights(page, 20);
  tabId = await tabIdOf(browser, url);
});
afterAll(async () => { await browser?.close(); await server?.close(); });

const command = (c: string) => browser.worker.evaluate(([id, c]) => chrome.tabs.sendMessage(id as number, { type: 'diplolens:command', command: c }), [tabId, c] as const) as Promise<{ text: string; id: string } | null>;

describe('keyboard', () => {
  it('steps through mentions in document order, opening each card; Escape closes it', async () => {
    const tip = page.locator('diplolens-ui #diplolens-tooltip');
    const first = await command('next-mention');
    await tip.waitFor({ state: 'visible', timeout: 5000 });
    // the first mention in document order: the headline's "Нуртлеу"
    const firstText = await page.evaluate(() => {
      const ranges: Range[] = [];
      for (const [name, h] of (CSS as any).highlights as Map<string, Set<Range>>) if (name !== 'diplolens-flash') ranges.push(...h);
      ranges.sort((a, b) => __liveRange(a).compareBoundaryPoints(Range.START_TO_START, __liveRange(b)));
      return __liveRange(ranges[0]).toString();
    });
    expect(first?.text).toBe(firstText);
    expect((await tip.innerText()).length).toBeGreaterThan(10);
    const second = await command('next-mention');
    expect(second?.text).not.toBe(undefined);
    expect(second).not.toEqual(first);
    const back = await command('previous-mention');
    expect(back).toEqual(first);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden', timeout: 3000 });
  });
});
