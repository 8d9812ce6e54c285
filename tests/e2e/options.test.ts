// The options page in Chromium: an entry added to the user's own dictionary is highlighted in an already open
// tab without a reload, its card is served, a highlight style applies at once, and a bad import changes nothing.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { serve, launch, settledHighlights, highlights, type Browser, type Served } from './harness.ts';
import type { Page } from 'playwright-core';

let server: Served;
let browser: Browser;
let article: Page;
let options: Page;

beforeAll(async () => {
  server = await serve();
  browser = await launch();
  article = await browser.context.newPage();
  await article.goto(`${server.origin}/seed-article-ru.html`);
  await settledHighlights(article, 20);
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
});
afterAll(async () => { await browser?.close(); await server?.close(); });

const navigations = (p: Page) => p.evaluate(() => performance.getEntriesByType('navigation').length + ':' + (window as any).__marker);

describe('options page', () => {
  it('adds an organization to my dictionary and the open article highlights it without reloading', async () => {
    await article.evaluate(() => { (window as any).__marker = 'same-document'; });
    expect((await highlights(article)).map((h) => h.text)).not.toContain('Total.kz');
    await options.getByRole('button', { name: 'Add an entry' }).click();
    await options.getByLabel('Type').selectOption('organization');
    await options.getByLabel('English names').fill('Total.kz');
    await options.getByLabel('Russian names').fill('Total.kz');
    await options.getByLabel('Description in English').fill('A Kazakh news site');
    await options.getByLabel('Description in Russian').fill('Казахстанский новостной сайт');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved: Total.kz.').waitFor();

    let texts: string[] = [];
    for (let i = 0; i < 40 && !texts.includes('Total.kz'); i++) { await article.waitForTimeout(250); texts = (await highlights(article)).map((h) => h.text); }
    expect(texts).toContain('Total.kz');
    expect((await highlights(article)).find((h) => h.text === 'Total.kz')?.name).toBe('diplolens-organization');
    // the bundled mentions are all still there, and it is the same document (no reload)
    expect(texts).toContain('Иэном Борчем');
    expect(await navigations(article)).toBe('1:same-document');

    const card: any = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'diplolens:card', id: 'org:total-kz', lang: 'en', date: '2024-06-25' }));
    expect(card.label).toBe('Total.kz');
    expect(card.description).toBe('A Kazakh news site');
  });

  it('refuses an entry without a Russian description, naming the field, and stores nothing', async () => {
    await options.getByRole('button', { name: 'Add an entry' }).click();
    await options.getByLabel('English names').fill('Jane Localova');
    await options.getByLabel('Description in English').fill('A district mayor');
    await options.getByRole('button', { name: 'Save' }).click();
    const field = options.getByLabel('Description in Russian');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const stored: any = await options.evaluate(() => chrome.storage.local.get('userDictionary'));
    expect(stored.userDictionary.map((e: any) => e.id)).toEqual(['org:total-kz']);
    await options.getByRole('button', { name: 'Cancel' }).click();
  });

  it('refuses a bad import file as a whole, naming line and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diplolens-import-'));
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify([
      { type: 'person', id: 'person:good-one', name: 'Good One', names: { en: ['Good One'] }, desc: { en: 'x', ru: 'х' }, positions: [] },
      { type: 'person', id: 'person:bad-one', name: 'Bad One', names: { en: ['Bad One'] }, desc: { en: 'x' }, positions: [] },
    ], null, 2));
    await options.locator('#import-file').setInputFiles(file);
    await options.getByText('bad.json was not imported').waitFor();
    const problems = await options.locator('ul.problems').innerText();
    expect(problems).toMatch(/line \d+, \[1\]\.desc/);
    const stored: any = await options.evaluate(() => chrome.storage.local.get('userDictionary'));
    expect(stored.userDictionary.map((e: any) => e.id)).toEqual(['org:total-kz']);
    await rm(dir, { recursive: true, force: true });
  });

  it('switches people to "underline only" in the open article at once', async () => {
    const style = () => article.evaluate(() => {
      for (const sheet of document.adoptedStyleSheets) for (const r of sheet.cssRules) if (r.cssText.includes('diplolens-person')) return r.cssText;
      return null;
    });
    expect(await style()).toMatch(/background-color: rgba/);
    const styleElements = () => article.evaluate(() => document.querySelectorAll('style, link[rel=stylesheet]').length);
    const before = await styleElements();
    await options.getByLabel('Style: People').selectOption('underline');
    let css: string | null = null;
    for (let i = 0; i < 20; i++) { css = await style(); if (css?.includes('transparent')) break; await article.waitForTimeout(150); }
    expect(css).toMatch(/background-color: transparent/);
    expect(css).toMatch(/underline/);
    // the page's DOM got no style element of ours
    expect(await styleElements()).toBe(before);
  });
});
