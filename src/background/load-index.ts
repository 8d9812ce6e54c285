// The bundled matching index in the service worker: a file of the extension's own (build/index.bin.gz, emitted into
// assets/ by vite), read once per worker life, inflated by the browser (DecompressionStream) straight into its two
// regions (see core/dictionary/pack.ts) and decoded. No page waits on more than this once per browser session.
import browser from 'webextension-polyfill';
import indexUrl from '../../build/index.bin.gz?url';
import { decodeSteps, indexAssembler, type PackedIndex } from '../core/dictionary/pack.ts';
import type { WorkerLoad } from '../shared/reading-port.ts';

export async function loadIndexInWorker(): Promise<{ index: PackedIndex; load: Omit<WorkerLoad, 'totalMs' | 'doneAt'> }> {
  const t0 = performance.now();
  const res = await fetch(browser.runtime.getURL(indexUrl.replace(/^\//, '')));
  if (!res.ok) throw new Error(`the dictionary could not be read (${res.status})`);
  const gz = new Uint8Array(await res.arrayBuffer());
  const t1 = performance.now();
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
  await writer.write(gz);
  await writer.close();
  await reading;
  const t2 = performance.now();
  const steps = decodeSteps(file.done());
  let r = steps.next();
  while (!r.done) r = steps.next();
  return { index: r.value, load: { readMs: t1 - t0, inflateMs: t2 - t1, decodeMs: performance.now() - t2 } };
}
