// The facts store: every entity as curated, plus the bundled meetings, for the service worker, popup and CLI.
import type { EntitySource } from '../../src/core/dictionary/schema.ts';
import type { FactsStore, MeetingFact } from '../../src/core/dictionary/facts.ts';

export function buildFacts(entities: EntitySource[], meetings: unknown[]): FactsStore {
  const asOf = entities.map((e) => e.asOf).sort().pop() ?? '';
  return {
    v: 1,
    asOf,
    entities: Object.fromEntries(entities.map((e) => [e.id, e])),
    meetings: meetings as MeetingFact[],
  };
}
