// The benchmark's browser side: the page served from 127.0.0.1, Debian's Chromium with the built extension, and a
// second Chromium without it (for the TreeWalker floor and mark.js). Same flags for both, so that they compare.
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'];

export interface Served { origin: string; close(): Promise<void> }

// the article a reader has open in another tab while the benchmark page loads
const READER_PAGE = '<!doctype html><html lang="en"><meta charset="utf-8"><title>Reader</title><p>The Secretary-General of the United Nations met the OSCE Chair-in-Office in Vienna.</p></html>';

/** Serves the benchmark page (at /bench.html) and a short article (/reader.html) on 127.0.0.1, a port of the system's choosing. */
export async function servePage(html: string): Promise<Served> {
  const pages: Record<string, Buffer> = { '/bench.html': Buffer.from(html, 'utf8'), '/reader.html': Buffer.from(READER_PAGE, 'utf8') };
  const server = createServer((req, res) => {
    const body = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (!body) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

export interface Contexts { ext: BrowserContext; plain: BrowserContext; version: string; close(): Promise<void> }

export async function launchBoth(dist: string): Promise<Contexts> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run "npm run build" first`);
  const dir = await mkdtemp(join(tmpdir(), 'diplolens-bench-'));
  const common = { executablePath: CHROMIUM, headless: true, viewport: { width: 1200, height: 900 }, locale: 'en-US' };
  const ext = await chromium.launchPersistentContext(dir, { ...common, args: [...FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`] });
  if (!ext.serviceWorkers().length) await ext.waitForEvent('serviceworker', { timeout: 15000 });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS, '--disable-extensions'] });
  const plain = await browser.newContext({ viewport: common.viewport, locale: common.locale });
  return {
    ext, plain, version: browser.version(),
    close: async () => { await ext.close().catch(() => {}); await browser.close().catch(() => {}); await rm(dir, { recursive: true, force: true }); },
  };
}

/** The extension service worker's heap after a full GC: V8's JS heap and the array buffers behind it (the matching
 *  index's typed arrays), read over CDP through a page of the context (playwright gives no session on a worker). */
export async function workerHeap(ctx: BrowserContext): Promise<{ js: number; buffers: number } | null> {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const cdp = await ctx.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!sw) return null;
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
    let id = 0;
    const pending = new Map<number, (v: any) => void>();
    cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
      const m = JSON.parse(e.message);
      pending.get(m.id)?.(m.result ?? m.error);
      pending.delete(m.id);
    });
    const send = (method: string, params: object = {}) => new Promise<any>((r) => {
      pending.set(++id, r);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
    await send('HeapProfiler.collectGarbage');
    const u = await send('Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    return { js: u.usedSize / 1048576, buffers: (u.backingStorageSize ?? NaN) / 1048576 };
  } finally {
    await cdp.detach().catch(() => {});
  }
}
