// The facts store (build/facts.json, emitted into assets/ by vite), read once per worker life on the first question
// asked of it. A file of its own rather than a string in the worker's script: the worker starts on every page, and
// a script with 3 MB of JSON in it takes the browser most of a second to start.
import browser from 'webextension-polyfill';
import factsUrl from '../../build/facts.json?url';
import { createFacts, type Facts, type FactsStore } from '../core/dictionary/facts.ts';

let facts: Promise<Facts> | null = null;

export function getFacts(): Promise<Facts> {
  facts ??= (async () => {
    const res = await fetch(browser.runtime.getURL(factsUrl.replace(/^\//, '')));
    if (!res.ok) throw new Error(`the facts could not be read (${res.status})`);
    return createFacts((await res.json()) as FactsStore);
  })();
  facts.catch(() => { facts = null; });
  return facts;
}
