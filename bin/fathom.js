#!/usr/bin/env node
// Runs the built CLI when present (installed package), else the TypeScript sources through tsx (a checkout).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist/cli/run.js`;
let entry;
if (existsSync(built)) entry = pathToFileURL(built).href;
else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = pathToFileURL(`${root}src/cli/run.ts`).href;
}
await import(entry);
