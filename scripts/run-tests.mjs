#!/usr/bin/env node
// Runs every *.test.ts under src/ with Node's test runner (Node 20 does not discover .ts files itself).
// Extra arguments are passed through: `npm test -- src/store` narrows to paths containing "src/store".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// The local-model runtimes are optional peers (a user's install stays small); the tests of their providers run
// real engines, so a checkout installs them once (FATHOM_TEST_SKIP_LOCAL_MODELS=1 skips those tests instead).
const peers = ['node-llama-cpp', '@huggingface/transformers'];
if (!process.env.FATHOM_TEST_SKIP_LOCAL_MODELS && peers.some((p) => !existsSync(join('node_modules', p, 'package.json')))) {
  console.error('local-model runtimes missing: running `npm run setup:local-models` once');
  const setup = spawnSync(process.execPath, ['scripts/install-local-models.mjs'], { stdio: 'inherit' });
  if (setup.status !== 0) console.error('could not install them; their tests will skip');
}

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '__fixtures__') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
const files = walk('src').sort().filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...flags, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
