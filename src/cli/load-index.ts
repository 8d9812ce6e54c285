// The built matching index in node (CLI, eval, tests): build/index.bin.gz, inflated and viewed (see core/dictionary/pack.ts).
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { decodeIndex, type PackedIndex } from '../core/dictionary/pack.ts';

/** build/ of this package, whether this runs from src/cli (tsx) or from the bundle build/cli.mjs */
export const BUILD_DIR = fileURLToPath(new URL(import.meta.url.includes('/src/cli/') ? '../../build/' : './', import.meta.url));
export const INDEX_FILE = 'index.bin.gz';

export function loadIndexFromFiles(dir = BUILD_DIR): PackedIndex {
  const path = dir.replace(/\/?$/, '/') + INDEX_FILE;
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build:dict" first`);
  return decodeIndex(gunzipSync(readFileSync(path)));
}
