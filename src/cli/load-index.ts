// The built matching index in node (CLI, eval, tests): build/index.bin.gz, inflated and viewed (see core/dictionary/pack.ts).
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { decodeIndex, type PackedIndex } from '../core/dictionary/pack.ts';

export const BUILD_DIR = fileURLToPath(new URL('../../build/', import.meta.url));
export const INDEX_FILE = 'index.bin.gz';

export function loadIndexFromFiles(dir = BUILD_DIR): PackedIndex {
  const path = dir.replace(/\/?$/, '/') + INDEX_FILE;
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build:dict" first`);
  return decodeIndex(gunzipSync(readFileSync(path)));
}
