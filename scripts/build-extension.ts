// Builds both browsers' extensions: dist/chrome and dist/firefox.
import { build } from 'vite';

for (const browser of ['chrome', 'firefox']) {
  process.env.DIPLOLENS_BROWSER = browser;
  await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn', mode: 'production' });
  console.log(`built dist/${browser}`);
}
