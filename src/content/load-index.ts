// The bundled matching index in the content script: a file of the extension's own (build/index.bin.gz, emitted into
// assets/ by vite), fetched, inflated by the browser (DecompressionStream) a slice at a time and decoded in steps,
// with a yield to the page between them: loading is no long task.
import browser from 'webextension-polyfill';
import indexUrl from '../../build/index.bin.gz?url';
import { decodeSteps, type PackedIndex } from '../core/dictionary/pack.ts';

// compressed bytes inflated per task (about 3× as many come out)
const SLICE = 96 * 1024;

/** Gives the page its turn: scheduler.yield where the browser has it (no timer clamping), else a zero timeout. */
const yieldToPage = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((r) => setTimeout(r, 0));
};

export async function loadIndexInBrowser(): Promise<PackedIndex> {
  const res = await fetch(browser.runtime.getURL(indexUrl.replace(/^\//, '')));
  if (!res.ok) throw new Error(`the dictionary could not be read (${res.status})`);
  const gz = new Uint8Array(await res.arrayBuffer());
  const inflate = new DecompressionStream('gzip');
  const writer = inflate.writable.getWriter();
  const reader = inflate.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      chunks.push(value);
      size += value.length;
    }
  })();
  for (let at = 0; at < gz.length; at += SLICE) {
    await writer.write(gz.subarray(at, at + SLICE));
    await yieldToPage();
  }
  await writer.close();
  await reading;
  const bytes = new Uint8Array(size);
  for (let i = 0, at = 0; i < chunks.length; at += chunks[i].length, i++) bytes.set(chunks[i], at);
  const steps = decodeSteps(bytes);
  for (;;) {
    await yieldToPage();
    const t0 = performance.now();
    const r = steps.next();
    // the benchmark adds these up: decoding's share of loading (the rest is reading and inflating the file)
    performance.measure('diplolens:decode', { start: t0, end: performance.now() });
    if (r.done) return r.value;
  }
}
