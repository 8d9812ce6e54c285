#!/usr/bin/env node
// The `diplolens` command. The set-up command bundles the CLI into build/cli.mjs (fast to start: the corpus scorer
// runs it once per document); without that bundle it runs the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const bundle = new URL('../build/cli.mjs', import.meta.url);
let main;
if (existsSync(bundle)) ({ main } = await import(bundle.href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
