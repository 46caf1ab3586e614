/**
 * Evaluation artifacts under fathom's data directory that can quote a deleted document: run files
 * (`runs/eval-*.json`: the affected items' results are redacted, their golden items too) and the result cache
 * (`cache/eval/*.jsonl`: the affected items' lines are removed — the cache is derived and re-computable).
 * A result is affected when it retrieved, was given or cited the document (or one of its chunks); every result of
 * an item whose expected sources name the document is too, since its question and answers may quote it. Cache
 * lines are matched the same way (item ids from the runs: over-removal only costs a recomputation).
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QueryLogRedaction } from '../../spec/audit.js';
import type { EvalItemResult, EvalRun } from '../../spec/evaluation.js';
import type { ErasedPlace, UnmanagedCopy } from '../../spec/store.js';
import { _redactEvalRun, _touches, type _Target } from './_redact-eval-run.js';


/** Write a file through a temporary name (a reader never sees half of it); remove it when empty. */
function _rewrite(path: string, text: string): void {
  if (text.length === 0) return rmSync(path, { force: true });
  writeFileSync(`${path}.tmp-${process.pid}`, text);
  renameSync(`${path}.tmp-${process.pid}`, path);
}

const _list = (dir: string, keep: (name: string) => boolean) => (existsSync(dir) ? readdirSync(dir).filter(keep).sort().map((n) => join(dir, n)) : []);

export function _redactEvalArtifacts(o: { dataDir: string; documentIds: string[]; chunkIds: string[]; redaction: QueryLogRedaction }): { places: ErasedPlace[]; notManaged: UnmanagedCopy[] } {
  const t: _Target = { documentIds: new Set(o.documentIds), chunkIds: new Set(o.chunkIds) };
  const places: ErasedPlace[] = [];
  const notManaged: UnmanagedCopy[] = [];
  const affectedItems = new Set<string>();
  for (const path of _list(join(o.dataDir, 'runs'), (n) => n.startsWith('eval-') && n.endsWith('.json') && !n.endsWith('.manifest.json'))) {
    let run: EvalRun;
    try {
      run = JSON.parse(readFileSync(path, 'utf8')) as EvalRun;
      if (!Array.isArray(run.results)) throw new Error('no results');
    } catch {
      notManaged.push({ path, kind: 'export', note: 'not a readable evaluation run: fathom could not check it; inspect or delete it by hand' });
      continue;
    }
    const r = _redactEvalRun(run, t, o.redaction);
    r.items.forEach((i) => affectedItems.add(i));
    if (r.results === 0 && r.goldenItems === 0) continue;
    _rewrite(path, `${JSON.stringify(run, null, 2)}\n`);
    places.push({ place: 'eval-run', path, action: 'redacted', count: r.results, what: r.what });
    if (r.items.size && run.dataset?.path && existsSync(run.dataset.path)) notManaged.push({ path: run.dataset.path, kind: 'golden-set', note: `golden set of ${run.id}: its questions and answers about the document are yours to edit` });
  }
  for (const path of _list(join(o.dataDir, 'cache', 'eval'), (n) => n.endsWith('.jsonl'))) {
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as { key: string; result: EvalItemResult };
      } catch {
        return undefined; // torn line: unusable to the cache, dropped whenever the file is rewritten
      }
    });
    const keep = lines.filter((_, i) => parsed[i] && !affectedItems.has(String(parsed[i]!.key).split('\t')[0]!) && !_touches(parsed[i]!.result, t));
    if (keep.length === lines.length) continue;
    _rewrite(path, keep.map((l) => `${l}\n`).join(''));
    places.push({ place: 'eval-cache', path, action: 'removed', count: lines.length - keep.length, what: `${lines.length - keep.length} cached results${keep.length === 0 ? ' (file removed)' : ''}` });
  }
  return { places, notManaged: _dedupe(notManaged) };
}

const _dedupe = (copies: UnmanagedCopy[]) => [...new Map(copies.map((c) => [c.path, c])).values()];
