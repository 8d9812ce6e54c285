// `npm run dict:import -- FILE [--write PATH] [--force] [--as-of YYYY-MM-DD] [--dict DIR]`
// Reads a Wikidata SPARQL JSON result, prints what it would add to, change in and remove from the dictionary,
// and with --write writes the new and changed entries (full entries of our schema) to PATH for a curator to review.
// It never writes into an existing file: curated files are edited by hand.
import { existsSync, readFileSync, writeFileSync, realpathSync } from 'node:fs';
import { resolve, relative, dirname } from 'node:path';
import { loadSources, formatProblem, DICT_DIR } from './lib/sources.ts';
import { parseSparqlJson, importWikidata, formatReport, ImportError } from './lib/wikidata.ts';
import { validDate, today } from './lib/invariants.ts';

const USAGE = 'usage: npm run dict:import -- FILE [--write PATH] [--force] [--as-of YYYY-MM-DD] [--dict DIR]';

function fail(msg: string): never {
  console.error(`dict:import: ${msg}`);
  process.exit(2);
}

function main(argv: string[]): void {
  let file: string | undefined, write: string | undefined, asOf = today(), dict = DICT_DIR, force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? fail(`${a} needs a value\n${USAGE}`);
    if (a === '--write') write = value();
    else if (a === '--as-of') asOf = value();
    else if (a === '--dict') dict = resolve(value()) + '/';
    else if (a === '--force') force = true;
    else if (a === '--help' || a === '-h') { console.log(USAGE); process.exit(0); }
    else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`);
    else if (file) fail(`one file at a time\n${USAGE}`);
    else file = a;
  }
  if (!file) fail(`no file given\n${USAGE}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !validDate(asOf)) fail(`--as-of: expected a YYYY-MM-DD day, got "${asOf}"`);
  if (asOf > today()) fail(`--as-of ${asOf} is in the future`);
  if (!existsSync(file)) fail(`${file}: no such file`);

  let report;
  try {
    report = importWikidata(parseSparqlJson(readFileSync(file, 'utf8')), loadDictionary(dict), { asOf });
  } catch (err) {
    if (err instanceof ImportError) fail(`${file}: refused, nothing written:\n${err.problems.map((p) => `  ${file}: ${p}`).join('\n')}`);
    throw err;
  }
  console.log(formatReport(report, file));
  if (!write) return;
  const target = resolve(write);
  const curated = isInside(target, dict);
  if (existsSync(target) && (curated || !force))
    fail(`${write} exists${curated ? ' and is a curated dictionary file' : ''}; the importer never overwrites it${curated ? '' : ' (use --force for a file of its own)'}`);
  const entries = [...report.added, ...report.changed.map((c) => c.entry)];
  writeFileSync(target, JSON.stringify(entries, null, 2) + '\n');
  console.log(`wrote ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} (${report.added.length} new, ${report.changed.length} changed) to ${write}`);
  if (report.changed.length) console.log('changed entries are full copies: merge them into their curated file by hand, then delete this file');
  if (curated) console.log('note: the file lies inside the dictionary; dict:check rejects a country or organization id that appears twice');
}

function loadDictionary(dir: string) {
  const { entities, problems } = loadSources(dir);
  if (problems.length) fail(`the dictionary in ${dir} does not load:\n${problems.slice(0, 10).map((p) => '  ' + formatProblem(p)).join('\n')}`);
  return entities;
}

function isInside(path: string, dir: string): boolean {
  const real = (p: string) => { try { return realpathSync(p); } catch { return p; } };
  const rel = relative(real(dir), existsSync(path) ? real(path) : resolve(real(dirname(path)), path.split('/').pop()!));
  return !rel.startsWith('..') && !rel.startsWith('/');
}

main(process.argv.slice(2));
