// Validates the dictionary sources and checks the invariants in assets/dictionary/README.md.
import { loadSources, formatProblem } from './lib/sources.ts';
import { checkInvariants } from './lib/invariants.ts';

const { entities, meetings, problems } = loadSources();
const all = [...problems, ...checkInvariants(entities, meetings)];
for (const p of all) console.error(formatProblem(p));
const counts = entities.reduce<Record<string, number>>((c, e) => ((c[e.type] = (c[e.type] ?? 0) + 1), c), {});
console.log(`dict:check: ${entities.length} entries (${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ')}), ${meetings.length} meetings, ${all.length} problem(s)`);
process.exit(all.length ? 1 : 0);
