/** Run the fathom CLI as a user would (a child process) and parse its --json output. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const repo = resolve(import.meta.dirname, '..');
export const shared = process.env.FATHOM_SHARED_DATA ?? resolve(repo, '../shared/data');

export function fathomJson<T = Record<string, unknown>>(args: string[], cwd: string): T {
  const r = spawnSync(process.execPath, [resolve(repo, 'bin/fathom.js'), ...args, '--json'], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`fathom ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
