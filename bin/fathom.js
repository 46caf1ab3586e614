#!/usr/bin/env node
// Runs the built CLI when present (installed package), else the TypeScript sources through tsx (a checkout).
// Built: the one-file bundle with its V8 code cache (dist/cli/run-bundle.js: the fastest cold start), else the
// unbundled dist/cli/run.js (a build without the bundle step or after it, FATHOM_NO_BUNDLE=1, a bundle that fails to load).
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/cli/bundle/fathom.cjs`;
const built = `${root}dist/cli/run.js`;
let ran = false;
// A bundle older than the tsc output (`tsc` run again without the bundle step) is stale: not used.
const fresh = () => !existsSync(built) || statSync(built).mtimeMs <= statSync(bundle).mtimeMs;
if (!process.env.FATHOM_NO_BUNDLE && existsSync(bundle) && fresh()) {
  const { runBundle } = await import(pathToFileURL(`${root}dist/cli/run-bundle.js`).href);
  // A bundle that cannot be loaded has run nothing: the unbundled CLI runs the command instead.
  const r = await runBundle({ file: bundle, argvs: [process.argv.slice(2)] });
  ran = r.loaded;
  if (!r.loaded && process.env.FATHOM_DEBUG) process.stderr.write(`fathom: the bundle did not load (${r.reason}); running dist/cli/run.js\n`);
}
if (!ran) {
  let entry;
  if (existsSync(built)) entry = pathToFileURL(built).href;
  else {
    const { register } = await import('tsx/esm/api');
    register();
    entry = pathToFileURL(`${root}src/cli/run.ts`).href;
  }
  await import(entry);
}
