// `diplolens`: scan a text or HTML file for entities and meetings, and report on the dictionary.
import { readFileSync, existsSync } from 'node:fs';
import { createMatcher } from '../core/match.ts';
import { scanForOutput } from '../core/scan.ts';
import { htmlToText, htmlMeta } from '../core/html-text.ts';
import { LANGS } from '../core/dictionary/schema.ts';
import { createFacts, type FactsStore } from '../core/dictionary/facts.ts';
import { loadIndexFromFiles, BUILD_DIR } from './load-index.ts';
import { dictStats, formatStats } from './stats.ts';


const USAGE = `usage:
  diplolens scan [FILE|-] [--lang xx] [--date YYYY-MM-DD] [--json]   entities and meetings in a text or HTML file
  diplolens dict stats [--json]                                      what the bundled dictionary holds
  diplolens --help`;

class UsageError extends Error {}

function readBuilt<T>(name: string): T {
  const path = BUILD_DIR + name;
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build:dict" first`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function readInput(file: string): string {
  let buf: Buffer;
  try {
    buf = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${file}` : code === 'EISDIR' ? `${file} is a directory` : `cannot read ${file}: ${(err as Error).message}`);
  }
  // NUL bytes or invalid UTF-8 mean this is not text
  const text = buf.toString('utf8');
  if (buf.includes(0) || text.includes('\uFFFD')) throw new UsageError(`${file === '-' ? 'standard input' : file} is not a UTF-8 text or HTML file`);
  return text;
}

function parseScanArgs(args: string[]) {
  const opts: { file?: string; lang?: string; date?: string; json: boolean } = { json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') opts.json = true;
    else if (a === '--lang' || a === '--date') {
      const v = args[i + 1];
      // the scorer passes an empty date for undated documents: "--date -" means no date
      if (v === undefined || v === '-' || v.startsWith('--') || v === '') { if (v === '') i++; continue; }
      i++;
      if (a === '--lang') {
        if (!(LANGS as readonly string[]).includes(v)) throw new UsageError(`unknown language "${v}" (known: ${LANGS.join(', ')})`);
        opts.lang = v;
      } else {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`--date needs YYYY-MM-DD, got "${v}"`);
        opts.date = v;
      }
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else if (opts.file === undefined) opts.file = a;
    else throw new UsageError(`unexpected argument ${a}`);
  }
  return opts;
}

function scan(args: string[]): number {
  const opts = parseScanArgs(args);
  const raw = readInput(opts.file ?? '-');
  const isHtml = /^\s*(<!doctype html|<html|<head|<body|<p[\s>]|<div[\s>])/i.test(raw);
  const meta = isHtml ? htmlMeta(raw) : {};
  const text = isHtml ? htmlToText(raw) : raw;
  const lang = opts.lang ?? meta.lang ?? 'en';
  const date = opts.date ?? meta.date;
  const matcher = createMatcher(loadIndexFromFiles(BUILD_DIR));
  const out = scanForOutput(matcher, text, { lang, date });
  if (opts.json) {
    process.stdout.write(JSON.stringify(out) + '\n');
    return 0;
  }
  const rows = out.mentions.map((m) => [String(m.start), m.text, m.entity.type, m.entity.name + (m.approximate ? ' (approximate)' : '')]);
  const widths = [6, 40, 12].map((w, i) => Math.min(w, Math.max(...rows.map((r) => r[i].length), 4)));
  console.log(`${out.mentions.length} mention(s) of ${new Set(out.mentions.map((m) => m.entity.id)).size} entities${date ? ` (page date ${date})` : ''}`);
  for (const r of rows) console.log(r.slice(0, 3).map((c, i) => c.padEnd(widths[i])).join('  ') + '  ' + r[3]);
  if (out.meetings.length) {
    console.log(`\n${out.meetings.length} meeting(s):`);
    for (const mt of out.meetings) console.log(`  ${mt.participants.map((p) => p.name).join(' – ')}  ${mt.date ?? 'undated'}  ${mt.place ?? ''}  ${mt.kind}${mt.planned ? ' (planned)' : ''}`);
  }
  return 0;
}

function dict(args: string[]): number {
  const [sub, ...rest] = args;
  if (sub !== 'stats') throw new UsageError(`unknown dict command ${sub ?? '(none)'}: try "dict stats"`);
  for (const a of rest) if (a !== '--json') throw new UsageError(`unknown option ${a}`);
  const stats = dictStats(createFacts(readBuilt<FactsStore>('facts.json')).store, loadIndexFromFiles(BUILD_DIR));
  console.log(rest.includes('--json') ? JSON.stringify(stats) : formatStats(stats));
  return 0;
}

// a closed pipe (`diplolens scan … | head`) ends the output quietly
process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); });

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  try {
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') { console.log(USAGE); return cmd ? 0 : 2; }
    if (cmd === 'scan') return scan(args);
    if (cmd === 'dict') return dict(args);
    throw new UsageError(`unknown command ${cmd}`);
  } catch (err) {
    console.error(`diplolens: ${(err as Error).message}`);
    return err instanceof UsageError ? 2 : 1;
  }
}
