import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalItemResult } from '../../spec/evaluation.js';

/**
 * Results of one configuration, appended one JSON line per finished (item, mode) to
 * `<cacheDir>/<configHash>.jsonl`. A torn last line (killed run) is ignored; errored results are not
 * reused, so a re-run retries them. The line format (`{ key: '<itemId>\t<mode>\t<item hash>', result }`) is also read
 * by `ingest/governance` (`forgetDocuments`), which removes the lines of a deleted document's items: keep it stable.
 */
export interface _ResultCache {
  get(key: string): EvalItemResult | undefined;
  put(key: string, result: EvalItemResult): void;
}

export function _openResultCache(cacheDir: string | undefined, configHash: string): _ResultCache {
  const done = new Map<string, EvalItemResult>();
  if (!cacheDir) return { get: () => undefined, put: () => {} };
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `${configHash}.jsonl`);
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // first run
  }
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const { key, result } = JSON.parse(line) as { key: string; result: EvalItemResult };
      if (!result.error) done.set(key, result);
    } catch {
      // torn line from an interrupted write
    }
  }
  return {
    get: (key) => done.get(key),
    put(key, result) {
      done.set(key, result);
      appendFileSync(file, `${JSON.stringify({ key, result })}\n`);
    },
  };
}
