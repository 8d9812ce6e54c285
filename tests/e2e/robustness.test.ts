// Hostile territory: hydration, strict CSP, live rewrites, infinite scroll, 10,000 paragraphs, shadow roots and
// iframes. The extension keeps up, never breaks the page, yields to it, and sends nothing anywhere.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { serve, launch, highlights, settledHighlights, type Browser, type Served } from './harness.ts';
import type { Page } from 'playwright-core';

let server: Served;
let browser: Browser;

beforeAll(async () => {
  server = await serve({ '/csp.html': { 'content-security-policy': "default-src 'none'" } });
  browser = await launch();
});
afterAll(async () => { await browser?.close(); await server?.close(); });

async function open(path: string, before?: (p: Page) => Promise<void>) {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await before?.(page);
  await page.goto(`${server.origin}${path}`);
  return { page, errors };
}

describe('pages that fight back', () => {
  it('a server-rendered Preact page hydrates after the content script ran: no mismatch, events still work', async () => {
    const { page, errors } = await open('/hydrate.html');
    const before = await settledHighlights(page, 4);
    expect(before.map((h) => h.text)).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Ian Borg', 'Helsinki Final Act', 'United Nations']));
    await page.waitForFunction(() => (window as any).__hydrated === true);
    expect(errors).toEqual([]);
    // the page's own click handler runs; typing in its editable note is untouched by us
    await page.click('#like');
    await page.click('#like');
    expect(await page.textContent('#likes')).toBe('2');
    expect((await highlights(page)).filter((h) => h.inField)).toEqual([]);
    await page.click('#note');
    await page.keyboard.type(' Xi Jinping');
    expect(await page.textContent('#note')).toBe('Note about NATO and Russia Xi Jinping');
    await page.waitForTimeout(800);
    expect((await highlights(page)).filter((h) => h.inField)).toEqual([]);
    await page.close();
  });

  it("under Content-Security-Policy default-src 'none' it highlights and shows the card", async () => {
    const { page } = await open('/csp.html');
    const hl = await settledHighlights(page, 4);
    expect(hl.map((h) => h.text)).toEqual(expect.arrayContaining(['Касым-Жомарт Токаев', 'Антониу Гутерриша', 'Совета Безопасности ООН', 'Шанхайской организации сотрудничества']));
    const box = await page.evaluate(() => {
      for (const [, h] of (CSS as any).highlights as Map<string, Set<Range>>) for (const r of h) if (__liveRange(r).toString() === 'Касым-Жомарт Токаев') { const b = __liveRange(r).getBoundingClientRect(); return { x: b.x + 5, y: b.y + b.height / 2 }; }
      return null;
    });
    await page.mouse.move(box!.x, box!.y);
    const tip = page.locator('diplolens-ui #diplolens-tooltip');
    await tip.waitFor({ state: 'visible', timeout: 5000 });
    expect(await tip.innerText()).toContain('Kassym-Jomart Tokayev');
    // the card is styled (its stylesheet was not blocked): it has a border and a background
    expect(await tip.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    await page.close();
  });

  it('a ticker rewritten every 100 ms: highlights follow the text and none is left stale', async () => {
    const { page, errors } = await open('/rewrite.html');
    await page.waitForFunction(() => (window as any).__rewrites > 20);
    const check = () => page.evaluate(() => {
      const text = document.getElementById('ticker')!.textContent!;
      const out: { stale: boolean; text: string }[] = [];
      for (const [name, h] of (CSS as any).highlights as Map<string, Set<Range>>) if (name.startsWith('diplolens')) for (const r of h) out.push({ text: __liveRange(r).toString(), stale: !r.startContainer.isConnected });
      return { text, out };
    });
    let sawMatch = false;
    for (let i = 0; i < 10; i++) {
      const { text, out } = await check();
      expect(out.filter((o) => o.stale).length, 'ranges on removed text').toBeLessThanOrEqual(3);
      if (out.some((o) => !o.stale && text.includes(o.text))) sawMatch = true;
      await page.waitForTimeout(150);
    }
    expect(sawMatch).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('infinite scroll: paragraphs added later are highlighted', async () => {
    const { page } = await open('/infinite.html');
    await settledHighlights(page, 5);
    const first = (await highlights(page)).length;
    for (let i = 0; i < 4; i++) { await page.mouse.wheel(0, 3000); await page.waitForTimeout(300); }
    const count = await page.evaluate(() => document.querySelectorAll('#feed p').length);
    expect(count).toBeGreaterThan(10);
    const after = await settledHighlights(page, first + 5);
    expect(after.length).toBeGreaterThan(first);
    await page.close();
  });

  // how long our tasks take is measured by `npm run bench` (longestTaskMs), not asserted here: a timed test
  // flakes on a busy 2-core machine
  it('10,000 paragraphs: every one highlighted while the page stays responsive', async () => {
    const { page } = await open('/big.html');
    const hl = await settledHighlights(page, 10000);
    expect(hl.length).toBeGreaterThanOrEqual(10000);
    // the page still answers: a click handler it adds now runs
    await page.evaluate(() => document.addEventListener('click', () => ((window as any).__clicked = true)));
    await page.mouse.click(5, 5);
    expect(await page.evaluate(() => (window as any).__clicked)).toBe(true);
    await page.close();
  });

  it('open shadow roots and same-origin iframes are read too', async () => {
    const { page } = await open('/shadow-iframe.html');
    const hl = await settledHighlights(page, 3);
    expect(hl.map((h) => h.text)).toEqual(expect.arrayContaining(['African Union', 'Jens Stoltenberg', 'NATO']));
    const frame = page.frames().find((f) => f.url().endsWith('/frame-child.html'))!;
    await frame.waitForFunction(() => [...(CSS as any).highlights.keys()].some((k: string) => k.startsWith('diplolens')), undefined, { timeout: 10000 });
    const inFrame = await frame.evaluate(() => [...((CSS as any).highlights as Map<string, Set<Range>>).values()].flatMap((h) => [...h].map((r) => __liveRange(r).toString())));
    expect(inFrame).toEqual(expect.arrayContaining(['World Health Organization', 'Tedros Adhanom Ghebreyesus']));
    await page.close();
  });

  it('sent no request off the machine on any of these pages', () => {
    const outside = browser.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('chrome-extension://') && !u.startsWith('data:') && !u.startsWith('blob:') && u !== 'about:blank');
    expect(outside).toEqual([]);
  });
});
