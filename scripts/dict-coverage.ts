// Coverage audit: for every UN member state, does the dictionary name its head of state, head of government and
// foreign minister in office on a given day? Days: the dictionary's latest asOf and 2026-01-01 (or --date, repeated).
//   npx tsx scripts/dict-coverage.ts [--date YYYY-MM-DD]... [--missing] [--json]
// A holder counts when a position of that role for that country covers the day. One without an end is "still in
// office as of the entry's asOf": if that asOf is before the day, the holder is counted but marked "unconfirmed"
// (so is one with neither start nor end).
import { loadSources, formatProblem } from './lib/sources.ts';
import { mergeEntities } from './lib/merge.ts';
import { dayRange, validDate } from './lib/invariants.ts';
import type { CountrySource, EntitySource, PersonSource } from '../src/core/dictionary/schema.ts';

export const AUDITED = ['head-of-state', 'head-of-government', 'foreign-minister'] as const;
type Audited = (typeof AUDITED)[number];
const SHORT: Record<Audited, string> = { 'head-of-state': 'HoS', 'head-of-government': 'HoG', 'foreign-minister': 'FM' };

export interface Holder { id: string; name: string; acting: boolean; confirmed: boolean; asOf: string }
export interface CountryCoverage { id: string; name: string; holders: Record<Audited, Holder[]> }
export interface Coverage { date: string; countries: CountryCoverage[]; counts: Record<Audited, { held: number; confirmed: number; missing: number }>; missing: Record<Audited, string[]> }

export function coverageAt(entities: EntitySource[], date: string): Coverage {
  const countries = entities.filter((e): e is CountrySource => e.type === 'country' && e.un === 'member').sort((a, b) => a.name.localeCompare(b.name));
  const people = entities.filter((e): e is PersonSource => e.type === 'person');
  const byCountry = new Map<string, CountryCoverage>(countries.map((c) => [c.id, { id: c.id, name: c.name, holders: { 'head-of-state': [], 'head-of-government': [], 'foreign-minister': [] } }]));
  for (const p of people) for (const pos of p.positions) {
    const cov = byCountry.get(pos.of);
    if (!cov || !(AUDITED as readonly string[]).includes(pos.role)) continue;
    // started on or before the day (as early as a partial date allows), not ended before it
    // no start and no end: known to hold the office on the entry's asOf, since an unknown day
    const started = pos.start ? dayRange(pos.start)[0] <= date : !pos.end;
    const running = pos.end ? dayRange(pos.end)[1] > date : true;
    if (!started || !running) continue;
    const list = cov.holders[pos.role as Audited];
    if (list.some((h) => h.id === p.id)) continue;
    list.push({ id: p.id, name: p.name, acting: !!pos.acting, confirmed: !!pos.end || (!!pos.start && p.asOf >= date), asOf: p.asOf });
  }
  const counts = Object.fromEntries(AUDITED.map((r) => [r, { held: 0, confirmed: 0, missing: 0 }])) as Coverage['counts'];
  const missing = Object.fromEntries(AUDITED.map((r) => [r, [] as string[]])) as Coverage['missing'];
  for (const c of byCountry.values()) for (const r of AUDITED) {
    const hs = c.holders[r];
    if (!hs.length) { counts[r].missing++; missing[r].push(c.id); continue; }
    counts[r].held++;
    if (hs.some((h) => h.confirmed)) counts[r].confirmed++;
  }
  return { date, countries: [...byCountry.values()], counts, missing };
}

function formatCoverage(cov: Coverage, missingOnly: boolean, names: Map<string, string>): string {
  const out = [`== ${cov.date}: ${cov.countries.length} UN member states ==`];
  const who = (hs: Holder[]) => hs.length
    ? hs.map((h) => `${h.name}${h.acting ? ' (acting)' : ''}${h.confirmed ? '' : ` (unconfirmed, asOf ${h.asOf})`}`).join(' / ')
    : '—';
  if (!missingOnly) for (const c of cov.countries)
    out.push(`${c.id.padEnd(11)} ${c.name.slice(0, 28).padEnd(28)} ${AUDITED.map((r) => `${SHORT[r]}: ${who(c.holders[r])}`).join(' | ')}`);
  for (const r of AUDITED) {
    const list = cov.missing[r];
    out.push(`no ${r} on ${cov.date} (${list.length}): ${list.map((id) => `${id.slice(8)} ${names.get(id)}`).join(', ') || 'none'}`);
  }
  for (const r of AUDITED) {
    const k = cov.counts[r];
    out.push(`${r.padEnd(19)} held ${k.held}/${cov.countries.length} (confirmed to the day ${k.confirmed}), missing ${k.missing}`);
  }
  return out.join('\n');
}

function main(argv: string[]): void {
  const dates: string[] = [];
  let json = false, missingOnly = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--date') dates.push(argv[++i] ?? '');
    else if (argv[i] === '--json') json = true;
    else if (argv[i] === '--missing') missingOnly = true;
    else { console.error(`dict-coverage: unknown argument ${argv[i]}`); process.exit(2); }
  }
  for (const d of dates) if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !validDate(d)) { console.error(`dict-coverage: --date expects YYYY-MM-DD, got "${d}"`); process.exit(2); }
  const { entities: raw, problems } = loadSources();
  if (problems.length) { for (const p of problems) console.error(formatProblem(p)); process.exit(1); }
  const entities = mergeEntities(raw);
  const latest = entities.map((e) => e.asOf).sort().pop()!;
  const days = dates.length ? dates : [...new Set([latest, '2026-01-01'])];
  const results = days.map((d) => coverageAt(entities, d));
  if (json) { console.log(JSON.stringify({ latestAsOf: latest, coverage: results }, null, 2)); return; }
  const names = new Map(entities.map((e) => [e.id, e.name]));
  console.log(`dictionary's latest asOf: ${latest}`);
  for (const r of results) console.log('\n' + formatCoverage(r, missingOnly, names));
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
