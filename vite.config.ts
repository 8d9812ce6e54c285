// One code base, two builds: `DIPLOLENS_BROWSER=chrome|firefox vite build` writes dist/chrome or dist/firefox.
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';

const browser = process.env.DIPLOLENS_BROWSER === 'firefox' ? 'firefox' : 'chrome';
const manifest = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8'));

function forBrowser(m: any) {
  if (browser === 'chrome') return m;
  // Firefox runs MV3 background code as an event page (background.scripts); its id and data-collection
  // declaration live under browser_specific_settings. Its messages are structured clones already: Chrome (148+)
  // is asked for the same by message_serialization, a key Firefox does not know.
  const { message_serialization: _, ...rest } = m;
  return {
    ...rest,
    background: { scripts: [m.background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: { id: 'diplolens@diplolens.dev', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    },
  };
}

export default defineConfig({
  plugins: [preact(), crx({ manifest: forBrowser(manifest), browser })],
  publicDir: 'assets/extension',
  build: {
    outDir: `dist/${browser}`, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096,
    // ASCII-only output: a script with one non-Latin-1 character is held as two bytes per character in every page
    rolldownOptions: { output: { minify: { compress: true, mangle: true, codegen: { asciiOnly: true } } } },
  },
  server: { port: 5173, strictPort: true },
});
