#!/usr/bin/env node
// The `diplolens` command: runs the TypeScript CLI through tsx (installed by the README's set-up command).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
