// The facts store, parsed once per service-worker life, on the first question asked of it.
import factsText from '../../build/facts.json?raw';
import { createFacts, type Facts, type FactsStore } from '../core/dictionary/facts.ts';

let facts: Facts | null = null;

export function getFacts(): Facts {
  facts ??= createFacts(JSON.parse(factsText) as FactsStore);
  return facts;
}
