// `npm start`: builds, serves the demo page on localhost and opens Chromium with the extension loaded.
// Headed where a display exists; `npm start -- --headless --screenshot out.png` on a machine without one.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve, DIST } from '../tests/e2e/harness.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const args = process.argv.slice(2);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const shotAt = args.indexOf('--screenshot');
const screenshot = shotAt >= 0 ? args[shotAt + 1] : undefined;
if (!args.includes('--no-build')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });

const server = await serve();
const url = `${server.origin}/seed-article-ru.html`;
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'diplolens-start-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless,
  viewport: headless ? { width: 1200, height: 900 } : null,
  args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`],
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);
console.log(`DiploLens demo: ${url}${headless ? ' (headless)' : ''}`);
if (screenshot) {
  await page.waitForFunction(() => [...(CSS as any).highlights.keys()].some((k: string) => k.startsWith('diplolens')), undefined, { timeout: 15000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: screenshot });
  console.log(`screenshot written to ${screenshot}`);
}
if (headless) { await context.close(); await server.close(); }
else {
  console.log('close the browser window to stop');
  context.on('close', () => server.close().then(() => process.exit(0)));
}
