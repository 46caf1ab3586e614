/** Reading evaluation run artifacts (`.fathom/runs/eval-<id>.json`), shared by every command that takes a run. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { EvalRun } from '../spec/evaluation.js';
import { FathomError } from '../util/errors.js';
import type { CliContext } from './context.js';

/** Read a run file, or the newest `.fathom/runs/eval-*.json` next to the store when no path is given. */
export function readEvalRun(c: CliContext, path?: string): { run: EvalRun; path: string } {
  let file = path ? resolve(c.io.cwd, path) : undefined;
  if (!file) {
    const dir = join(dirname(c.storePath), 'runs');
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.startsWith('eval-') && n.endsWith('.json') && !n.endsWith('.manifest.json'));
    } catch { /* no runs directory yet */ }
    if (!names.length) throw new FathomError({ code: 'NOT_FOUND', message: `No evaluation run in ${dir}: run \`fathom eval run <golden.jsonl>\` first, or pass a run file.`, details: { dir } });
    file = names.map((n) => join(dir, n)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `Cannot read the run file ${file}: check the path (runs are written to .fathom/runs/ by \`fathom eval\`).`, details: { path: file } });
  }
  let run: EvalRun;
  try {
    run = JSON.parse(text) as EvalRun;
  } catch (error) {
    throw new FathomError({ code: 'FILE_MALFORMED', message: `${file} is not valid JSON (${(error as Error).message}): pass the run file written by \`fathom eval\`.`, details: { path: file } });
  }
  if (!Array.isArray(run.results) || !Array.isArray(run.modes)) throw new FathomError({ code: 'FILE_MALFORMED', message: `${file} is not an evaluation run (no "results"/"modes"): pass the run file written by \`fathom eval\`.`, details: { path: file } });
  return { run, path: file };
}
