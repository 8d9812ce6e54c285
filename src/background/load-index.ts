// The bundled matching index in the content script: a file of the extension's own (build/index.bin.gz, emitted into
// assets/ by vite), fetched, inflated by the browser (DecompressionStream) a slice at a time straight into its two
// regions (see core/dictionary/pack.ts) and decoded in steps, with a yield to the page between them: loading is no
// long task.
import browser from 'webextension-polyfill';
import indexUrl from '../../build/index.bin.gz?url';
import { decodeSteps, indexAssembler, type PackedIndex } from '../core/dictionary/pack.ts';

// compressed bytes inflated per task (about 3× as many come out)
const SLICE = 96 * 1024;

/** Gives the page its turn: scheduler.yield where the browser has it (no timer clamping), else a zero timeout. */
const yieldToPage = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((r) => setTimeout(r, 0));
};

export async function loadIndexInBrowser(): Promise<PackedIndex> {
  // the benchmark reads these measures: reading the file (the browser's I/O), inflating, each decoding step
  const t0 = performance.now();
  const res = await fetch(browser.runtime.getURL(indexUrl.replace(/^\//, '')));
  if (!res.ok) throw new Error(`the dictionary could not be read (${res.status})`);
  const gz = new Uint8Array(await res.arrayBuffer());
  performance.measure('diplolens:read-file', { start: t0, end: performance.now() });
  const inflate = new DecompressionStream('gzip');
  const writer = inflate.writable.getWriter();
  const reader = inflate.readable.getReader();
  const file = indexAssembler();
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      file.push(value);
    }
  })();
  for (let at = 0; at < gz.length; at += SLICE) {
    const t1 = performance.now();
    await writer.write(gz.subarray(at, at + SLICE));
    performance.measure('diplolens:inflate', { start: t1, end: performance.now() });
    await yieldToPage();
  }
  await writer.close();
  await reading;
  const steps = decodeSteps(file.done());
  for (let step = 'arrays'; ;) {
    await yieldToPage();
    const t1 = performance.now();
    const r = steps.next();
    performance.measure('diplolens:decode', { start: t1, end: performance.now(), detail: step });
    if (r.done) return r.value;
    step = r.value;
  }
}
