// The whole product path on the seed article: highlights, hover card, popup, summary message, no network.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { serve, launch, settledHighlights, watchBody, tabIdOf, ROOT, type Browser, type Served } from './harness.ts';
import type { Page } from 'playwright-core';

const EXPECTED = ['Мурат Нуртлеу', 'Иэном Борчем', 'Организации по безопасности и сотрудничеству в Европе', 'Мальты', 'Мальтой', 'Казахстана',
  'Республики Казахстан', 'РК', 'Хельсинского заключительного акта', 'Астанинской декларации', 'Нуртлеу', 'Иэн Борч', 'Казахстан'];

let server: Served;
let browser: Browser;
let page: Page;
let url: string;

beforeAll(async () => {
  server = await serve();
  browser = await launch();
  page = await browser.context.newPage();
  await watchBody(page);
  url = `${server.origin}/seed-article-ru.html`;
  await page.goto(url);
});
afterAll(async () => { await browser?.close(); await server?.close(); });

describe('seed article in Chromium', () => {
  it('highlights every official, organization, treaty and country of the article, and nothing in the comment box', async () => {
    const hl = await settledHighlights(page, 20);
    const texts = hl.map((h) => h.text);
    for (const e of EXPECTED) expect(texts, `"${e}" highlighted`).toContain(e);
    // every ОБСЕ of the article, none of the comment box's
    const inArticle = await page.evaluate(() => document.querySelector('article')!.textContent!.split('ОБСЕ').length - 1);
    expect(inArticle).toBeGreaterThan(4);
    // (one may sit inside a longer name: "офиса программ ОБСЕ в Астане" is the OSCE Programme Office in Astana)
    expect(texts.filter((t) => t.split('ОБСЕ').length > 1).reduce((n, t) => n + t.split('ОБСЕ').length - 1, 0)).toBe(inArticle);
    expect(hl.filter((h) => h.inField)).toEqual([]);
    expect(new Set(hl.map((h) => h.name))).toEqual(new Set(['diplolens-person', 'diplolens-organization', 'diplolens-treaty', 'diplolens-country']));
    expect(hl.find((h) => h.text === 'Иэном Борчем')?.name).toBe('diplolens-person');
  });

  it('leaves the page body exactly as it was', async () => {
    const same = await page.evaluate(() => document.body.innerHTML === (window as any).__bodyBefore && (window as any).__mutations === 0);
    expect(same).toBe(true);
  });

  it('shows Ian Borg\'s card on hover: Malta\'s foreign minister, OSCE Chairman-in-Office in 2024, met Nurtleu in Astana', async () => {
    const box = await page.evaluate(() => {
      for (const [name, h] of (CSS as any).highlights as Map<string, Set<Range>>)
        if (name === 'diplolens-person') for (const r of h) if (__liveRange(r).toString() === 'Иэном Борчем') { const b = __liveRange(r).getBoundingClientRect(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; }
      return null;
    });
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x, box!.y);
    const tip = page.locator('diplolens-ui #diplolens-tooltip');
    await tip.waitFor({ state: 'visible', timeout: 5000 });
    expect(await tip.getAttribute('role')).toBe('tooltip');
    const text = await tip.innerText();
    expect(text).toContain('Ian Borg');
    expect(text).toMatch(/Мальт/);
    expect(text).toMatch(/министр иностранных/i);
    expect(text).toMatch(/председатель ОБСЕ/);
    expect(text).toContain('2024-06-25');
    expect(text).toMatch(/Нуртлеу/);
    // the card never takes focus from the page
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.screenshot({ path: join(ROOT, 'assets/screenshots/tooltip.png') });
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden', timeout: 3000 });
  });

  it('answers diplolens:summary with the page\'s mentions and the meeting', async () => {
    const tabId = await tabIdOf(browser, url);
    const summary: any = await browser.worker.evaluate((id) => chrome.tabs.sendMessage(id!, { type: 'diplolens:summary' }), tabId);
    const names = new Set(summary.mentions.map((m: any) => m.entity.name));
    for (const n of ['Murat Nurtleu', 'Ian Borg', 'Organization for Security and Co-operation in Europe', 'Kazakhstan', 'Malta', 'Helsinki Final Act', 'Astana Commemorative Declaration']) expect(names).toContain(n);
    for (const m of summary.mentions) expect(Object.keys(m).sort()).toEqual(['end', 'entity', 'start', 'text']);
    const pair = summary.meetings.map((m: any) => m.participants.map((p: any) => p.name).sort().join(' + '));
    expect(pair).toContain('Ian Borg + Murat Nurtleu');
  });

  it('popup lists the page\'s entities by type and finds "Nurtleu" from "нуртлеу"', async () => {
    const tabId = await tabIdOf(browser, url);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.locator('button.entity').first().waitFor();
    const listed = await popup.locator('button.entity .label').allInnerTexts();
    for (const n of ['Ian Borg', 'Murat Nurtleu', 'Kazakhstan', 'Malta', 'Helsinki Final Act']) expect(listed).toContain(n);
    expect(await popup.locator('.group.person h3').innerText()).toMatch(/People/);
    await popup.screenshot({ path: join(ROOT, 'assets/screenshots/popup.png') });
    await popup.fill('#q', 'нуртлеу');
    await popup.locator('button.hit').first().waitFor();
    expect(await popup.locator('button.hit').first().innerText()).toContain('Nurtleu');
    await popup.locator('button.hit').first().click();
    await popup.locator('.card-view .card').waitFor();
    expect(await popup.locator('.card-view').innerText()).toContain('Murat Nurtleu');
    await popup.close();
  });

  it('sends no request off the machine', () => {
    const outside = browser.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('chrome-extension://') && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
  });
});
