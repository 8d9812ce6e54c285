// Scores the matcher on a gold corpus with the shared scorer: `npm run eval [-- --corpus PATH] [--min-precision X --min-recall Y]`.
// Skips with a message when the corpus is absent (it lives outside the repository).
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { createMatcher } from '../src/core/match.ts';
import { scanForOutput } from '../src/core/scan.ts';
import { loadIndexFromFiles } from '../src/cli/load-index.ts';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const root = new URL('..', import.meta.url).pathname;
const corpus = resolve(opt('--corpus') ?? join(root, '../shared/corpus/dev.json'));
if (!existsSync(corpus)) {
  console.log(`eval: no corpus at ${corpus}; skipped (give --corpus PATH)`);
  process.exit(0);
}
const scorer = join(dirname(corpus), 'score.mjs');
const docs: { id: string; lang: string; date: string | null; text: string }[] = JSON.parse(readFileSync(corpus, 'utf8'));
const matcher = createMatcher(loadIndexFromFiles(join(root, 'build')));
const preds: Record<string, unknown> = {};
for (const d of docs) preds[d.id] = scanForOutput(matcher, d.text, { lang: d.lang, date: d.date ?? undefined });
const file = join(mkdtempSync(join(tmpdir(), 'diplolens-eval-')), 'predictions.json');
writeFileSync(file, JSON.stringify(preds));
const pass = ['--predictions', file, '--corpus', corpus, ...(args.includes('--quiet') ? [] : ['--misses'])];
for (const k of ['--min-precision', '--min-recall']) if (opt(k)) pass.push(k, opt(k)!);
if (args.includes('--json')) pass.push('--json');
try {
  process.stdout.write(execFileSync(process.execPath, [existsSync(scorer) ? scorer : join(root, 'scripts/score.mjs'), ...pass], { encoding: 'utf8' }));
} catch (err) {
  const e = err as { stdout?: string; stderr?: string; status?: number };
  process.stdout.write(e.stdout ?? '');
  process.stderr.write(e.stderr ?? '');
  process.exit(e.status ?? 1);
}
