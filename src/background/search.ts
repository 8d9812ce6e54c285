// Typo-tolerant search over every name of every entity in every language ("нуртлеу", "osce", "Helsinki act").
import Fuse from 'fuse.js';
import { label, type Facts } from '../core/dictionary/facts.ts';
import type { SearchHit } from '../shared/messages.ts';

interface Row { id: string; type: string; name: string }
let fuse: Fuse<Row> | null = null;
// the facts the index was built from: the user's own entries make a new facts object
let builtFrom: Facts | null = null;

function build(facts: Facts): Fuse<Row> {
  const rows: Row[] = [];
  for (const e of Object.values(facts.store.entities)) {
    const names = new Set([...Object.values(e.names).flat(), ...Object.values(e.abbr ?? {}).flat()]);
    for (const name of names) if (name) rows.push({ id: e.id, type: e.type, name });
  }
  return new Fuse(rows, { keys: ['name'], threshold: 0.34, ignoreLocation: true, includeScore: true, minMatchCharLength: 2 });
}

export function search(facts: Facts, query: string, lang: string, limit = 12): SearchHit[] {
  const q = query.trim();
  if (!q) return [];
  if (!fuse || builtFrom !== facts) { fuse = build(facts); builtFrom = facts; }
  const out: SearchHit[] = [];
  const seen = new Set<string>();
  for (const r of fuse.search(q, { limit: limit * 4 })) {
    if (seen.has(r.item.id)) continue;
    seen.add(r.item.id);
    const e = facts.get(r.item.id)!;
    out.push({ id: e.id, type: e.type, label: label(e, lang), labelEn: e.names.en![0], matched: r.item.name });
    if (out.length >= limit) break;
  }
  return out;
}
