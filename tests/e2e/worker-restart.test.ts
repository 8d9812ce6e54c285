// The dictionary lives in the service worker, and the browser stops an idle worker (30 s without events) while the
// reader's page stays open. The page must not notice: text added later is still matched, nothing shown is lost or
// doubled, cards still open.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { serve, launch, settledHighlights, type Browser, type Served } from './harness.ts';
import type { Page } from 'playwright-core';

let server: Served;
let browser: Browser;

beforeAll(async () => {
  server = await serve();
  browser = await launch();
});
afterAll(async () => { await browser?.close(); await server?.close(); });

/** Stops the extension's service worker as the browser does when it is idle (CDP Target.closeTarget). */
async function stopWorker(page: Page): Promise<number> {
  const cdp = await browser.context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const workers = targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  for (const t of workers) await cdp.send('Target.closeTarget', { targetId: t.targetId });
  for (let i = 0; i < 40; i++) {
    const { targetInfos: now } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    if (!now.some((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'))) break;
    await page.waitForTimeout(100);
  }
  await cdp.detach();
  return workers.length;
}

const texts = (list: { text: string }[]) => list.map((h) => h.text).sort();

describe('the service worker stops while the article is open', () => {
  it('keeps every highlight, matches text added afterwards, and still opens cards', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/seed-article-ru.html`);
    const before = await settledHighlights(page, 10);
    expect(texts(before)).toEqual(expect.arrayContaining(['Иэном Борчем', 'ОБСЕ']));

    expect(await stopWorker(page)).toBe(1);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'later';
      p.textContent = 'Генеральный секретарь ООН Антониу Гутерриш поддержал встречу.';
      document.querySelector('article, main, body')!.append(p);
      p.scrollIntoView({ block: 'center' });
    });
    const after = await settledHighlights(page, before.length + 1);
    // the new paragraph's names, and exactly what was there before: nothing lost, nothing doubled
    const added = texts(after);
    for (const t of texts(before)) added.splice(added.indexOf(t), 1);
    expect(added).toEqual(expect.arrayContaining(['Антониу Гутерриш', 'ООН']));
    expect(added.length).toBeLessThanOrEqual(3);
    // no range is registered twice (a page that sent its blocks again must not paint them again)
    const doubled = await page.evaluate(() => {
      const all: Range[] = [];
      for (const [name, h] of (CSS as any).highlights as Map<string, Set<Range>>) if (name !== 'diplolens-flash') for (const r of h) all.push(__liveRange(r));
      let n = 0;
      for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) {
        if (all[i].compareBoundaryPoints(Range.START_TO_START, all[j]) === 0 && all[i].compareBoundaryPoints(Range.END_TO_END, all[j]) === 0) n++;
      }
      return n;
    });
    expect(doubled).toBe(0);

    // a card opens: the restarted worker serves the facts again
    const box = await page.evaluate(() => {
      for (const [, h] of (CSS as any).highlights as Map<string, Set<Range>>) for (const r of h) if (__liveRange(r).toString() === 'Антониу Гутерриш') { const b = __liveRange(r).getBoundingClientRect(); return { x: b.x + 5, y: b.y + b.height / 2 }; }
      return null;
    });
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x, box!.y);
    const tip = page.locator('diplolens-ui #diplolens-tooltip');
    await tip.waitFor({ state: 'visible', timeout: 5000 });
    expect(await tip.innerText()).toContain('António Guterres');
    await page.close();
  });

  it('on a site the user switched off, a page that starts loading does not make the worker load the dictionary', async () => {
    // an extension page of ours to change the settings with, as the popup's switch does
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const setSite = (enabled: boolean) => ext.evaluate((on) => chrome.runtime.sendMessage({ type: 'diplolens:site', host: '127.0.0.1', enabled: on }), enabled);
    await setSite(false);
    await stopWorker(ext);

    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/seed-article-ru.html`);
    await page.waitForTimeout(1500);
    expect(await settledHighlights(page, 0)).toEqual([]);
    const switchedOnAt = await page.evaluate(() => performance.now());
    await setSite(true);
    await settledHighlights(page, 10);
    // the dictionary was loaded for this page after the site was switched on, not while it was off
    const loaded = await page.evaluate(() => performance.getEntriesByName('diplolens:worker-load', 'measure').map((e) => e.startTime + e.duration));
    expect(loaded).toHaveLength(1);
    expect(loaded[0]).toBeGreaterThan(switchedOnAt);
    await page.close();
    await ext.close();
  });
});
