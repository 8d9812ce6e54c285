// End-to-end harness: a static server on 127.0.0.1 and Debian's Chromium with the built extension loaded.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { tmpdir } from 'node:os';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const DIST = join(ROOT, 'dist/chrome');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

export interface Served { server: Server; origin: string; close(): Promise<void> }

/** Serves tests/fixtures/pages and assets/demo; `headers` adds per-path response headers (e.g. a CSP). */
export async function serve(headers: Record<string, Record<string, string>> = {}): Promise<Served> {
  const dirs = [join(ROOT, 'tests/fixtures/pages'), join(ROOT, 'assets/demo')];
  // the fixture pages' own libraries (a page that hydrates with Preact)
  const vendor: Record<string, string> = { '/vendor/preact.mjs': join(ROOT, 'node_modules/preact/dist/preact.mjs') };
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path === '/favicon.ico') { res.writeHead(204).end(); return; }
    if (vendor[path]) { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(await readFile(vendor[path])); return; }
    for (const dir of dirs) {
      const file = join(dir, path);
      if (file.startsWith(dir) && existsSync(file) && !file.endsWith('/')) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...(headers[path] ?? {}) });
        res.end(await readFile(file));
        return;
      }
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return { server, origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export interface Browser { context: BrowserContext; worker: Worker; extensionId: string; requests: string[]; close(): Promise<void> }

export async function launch(): Promise<Browser> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/chrome is missing: run "npm run build" first');
  const dir = await mkdtemp(join(tmpdir(), 'diplolens-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1200, height: 900 },
    locale: 'en-US',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`],
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  // highlights hold StaticRanges (no text, no boxes): tests read them through a live copy
  await context.addInitScript(() => {
    (globalThis as any).__liveRange = (r: AbstractRange) => {
      const x = document.createRange();
      x.setStart(r.startContainer, r.startOffset);
      x.setEnd(r.endContainer, r.endOffset);
      return x;
    };
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = await worker.evaluate(() => chrome.runtime.id);
  return { context, worker, extensionId, requests, close: async () => { await context.close(); await rm(dir, { recursive: true, force: true }); } };
}

/** Every highlight range the extension registered: name, text, and whether it sits in a form field. */
export function highlights(page: Page) {
  return page.evaluate(() => {
    const out: { name: string; text: string; inField: boolean }[] = [];
    for (const [name, h] of (CSS as any).highlights as Map<string, Highlight>) {
      if (!name.startsWith('diplolens') || name === 'diplolens-flash') continue;
      for (const r of h as unknown as Set<Range>) {
        const el = r.startContainer.parentElement;
        out.push({ name, text: __liveRange(r).toString(), inField: !!el?.closest('textarea, input, [contenteditable]') });
      }
    }
    return out;
  });
}

/** Waits until the number of highlights stops changing. */
export async function settledHighlights(page: Page, min = 1) {
  let last = -1;
  for (let i = 0; i < 60; i++) {
    const n = (await highlights(page)).length;
    if (n >= min && n === last) return highlights(page);
    last = n;
    await page.waitForTimeout(250);
  }
  return highlights(page);
}

/** Records the body's HTML at DOMContentLoaded (before the content script runs) and every later mutation. */
export async function watchBody(page: Page) {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as any).__bodyBefore = document.body.innerHTML;
      (window as any).__mutations = 0;
      new MutationObserver((rs) => { (window as any).__mutations += rs.length; }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  });
}

export const tabIdOf = (b: Browser, url: string) => b.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t: { url: string; id: number }) => t.url === u)?.id ?? null, url);
