// Fact-check sample: draws a reproducible random sample of people and of other entities (organizations, treaties,
// countries) from build/facts.json and prints the facts of each to check against sources. Build it first.
//   npx tsx scripts/dict-sample.ts [--seed N] [--people N] [--others N] [--facts build/facts.json]
// Ids are sorted before drawing, so the same seed on the same dictionary gives the same sample; the printed fingerprint
// (a hash of the sorted ids) tells whether a later run draws from the same set of ids.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mulberry32 } from './lib/random.ts';

interface Entity {
  id: string; name: string; type: 'person' | 'organization' | 'treaty' | 'country'; sources: string[]; asOf: string;
  positions?: { role: string; of: string; title?: Record<string, string>; start?: string; end?: string; acting?: boolean; source?: string }[];
  founded?: string; headquarters?: Record<string, string>; members?: { id: string }[]; partOf?: string[];
  signed?: { date?: string; place?: Record<string, string> }; inForce?: string; status?: string; parties?: { id: string }[];
  iso2?: string; iso3?: string; capital?: Record<string, string>; un?: string;
}

/** n distinct items of a sorted list (partial Fisher–Yates shuffle), in drawing order */
export function draw<T>(items: T[], n: number, rand: () => number): T[] {
  const a = [...items];
  const k = Math.min(n, a.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, k);
}

function span(start?: string, end?: string): string {
  return `${start ?? '?'} – ${end ?? 'in office'}`;
}

function describe(e: Entity, names: Map<string, string>): string[] {
  const of = (id: string) => names.get(id) ?? id;
  switch (e.type) {
    case 'person':
      return (e.positions ?? []).map((p) =>
        `${p.role}${p.title?.en ? ` (${p.title.en})` : ''} of ${of(p.of)}${p.acting ? ', acting' : ''}: ${span(p.start, p.end)}${p.source ? `  [${p.source}]` : ''}`);
    case 'organization': {
      const partOf = e.partOf?.length ? `; part of ${e.partOf.map(of).join(', ')}` : '';
      return [`founded: ${e.founded ?? '—'}; headquarters: ${e.headquarters?.en ?? '—'}; members: ${e.members?.length ?? '—'}${partOf}`];
    }
    case 'treaty': {
      const parties = e.parties && e.parties.length <= 4 ? e.parties.map((p) => of(p.id)).join(', ') : e.parties?.length ?? '—';
      return [`signed: ${e.signed?.date ?? '—'} at ${e.signed?.place?.en ?? '—'}; in force: ${e.inForce ?? '—'}; status: ${e.status ?? '—'}; parties: ${parties}`];
    }
    case 'country':
      return [`capital: ${e.capital?.en ?? '—'}; ISO: ${e.iso2 ?? '—'}/${e.iso3 ?? '—'}; UN: ${e.un ?? '—'}`];
  }
}

/** an organization's current heads: people holding a leading position of it with no end */
function headsOf(org: string, people: Entity[]): string[] {
  return people.flatMap((p) => (p.positions ?? [])
    .filter((pos) => pos.of === org && !pos.end && ['secretary-general', 'director-general', 'president', 'chair', 'head', 'high-representative'].includes(pos.role))
    .map((pos) => `head: ${p.name}, ${pos.title?.en ?? pos.role} since ${pos.start ?? '?'}`));
}

function main(argv: string[]): void {
  const opts: Record<string, string> = { '--seed': '1', '--people': '30', '--others': '20', '--facts': 'build/facts.json' };
  for (let i = 0; i < argv.length; i += 2) {
    if (!(argv[i] in opts) || argv[i + 1] === undefined) { console.error(`dict-sample: bad argument ${argv[i]}`); process.exit(2); }
    opts[argv[i]] = argv[i + 1];
  }
  const [seed, people, others, file] = [Number(opts['--seed']), Number(opts['--people']), Number(opts['--others']), opts['--facts']];
  if (![seed, people, others].every(Number.isInteger)) { console.error('dict-sample: --seed, --people and --others expect integers'); process.exit(2); }
  const facts = JSON.parse(readFileSync(file, 'utf8')) as { asOf: string; entities: Record<string, Entity> };
  const all = Object.values(facts.entities).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const names = new Map(all.map((e) => [e.id, e.name]));
  const persons = all.filter((e) => e.type === 'person');
  const rest = all.filter((e) => e.type !== 'person');
  const rand = mulberry32(seed);
  const sample = [...draw(persons, people, rand), ...draw(rest, others, rand)];
  const fingerprint = createHash('sha256').update(all.map((e) => e.id).join('\n')).digest('hex').slice(0, 12);
  console.log(`${file}: ${persons.length} people, ${rest.length} others (ids ${fingerprint}, asOf ${facts.asOf}); seed ${seed}: ${people} people, ${others} others`);
  sample.forEach((e, i) => {
    console.log(`\n${i + 1}. ${e.id}  ${e.name}  (asOf ${e.asOf})`);
    for (const line of describe(e, names)) console.log(`   ${line}`);
    if (e.type === 'organization') for (const line of headsOf(e.id, persons)) console.log(`   ${line}`);
    for (const s of e.sources) console.log(`   source: ${s}`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
