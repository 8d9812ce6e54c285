// The bundled matching index in the content script: a file of the extension's own (build/index.bin.gz, emitted into
// assets/ by vite), fetched, inflated by the browser while it arrives (DecompressionStream) and viewed as typed arrays
// (decodeIndex): no JS loop over the trie or the tokens.
import browser from 'webextension-polyfill';
import indexUrl from '../../build/index.bin.gz?url';
import { decodeSteps, type PackedIndex } from '../core/dictionary/pack.ts';

export async function loadIndexInBrowser(): Promise<PackedIndex> {
  const res = await fetch(browser.runtime.getURL(indexUrl.replace(/^\//, '')));
  if (!res.ok || !res.body) throw new Error(`the dictionary could not be read (${res.status})`);
  // read the inflated chunks, then one copy (Response.arrayBuffer() on a stream is slower in Chromium)
  const reader = res.body.pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  const bytes = new Uint8Array(size);
  for (let i = 0, at = 0; i < chunks.length; at += chunks[i].length, i++) bytes.set(chunks[i], at);
  // decoding takes tasks of its own, apart from the last inflated chunks (no long task on the page)
  const steps = decodeSteps(bytes);
  for (;;) {
    await new Promise((r) => setTimeout(r, 0));
    const r = steps.next();
    if (r.done) return r.value;
  }
}
