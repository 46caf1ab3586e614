/**
 * Evaluation runs the server keeps in the store's meta rows (`server:eval:<runId>` → `{ run, … }`, see
 * `server/evals/eval-run-store.ts`) redacted like run files: a document deleted through the CLI, the library or the
 * API leaves no quote of it there. Needs `Store.listMetaKeys` to find them (both built-in stores have it).
 */
import type { QueryLogRedaction } from '../../spec/audit.js';
import type { EvalRun } from '../../spec/evaluation.js';
import type { ErasedPlace, Store } from '../../spec/store.js';
import { _redactEvalRun, type _Target } from './_redact-eval-run.js';
import { storedEvalRunKey } from './stored-eval-run-key.js';

const _PREFIX = storedEvalRunKey('');

export async function _redactStoredEvalRuns(o: { store: Pick<Store, 'listMetaKeys' | 'getMeta' | 'setMeta' | 'location'>; tenant: string; target: _Target; redaction: QueryLogRedaction }): Promise<ErasedPlace[]> {
  if (!o.store.listMetaKeys) return [];
  const places: ErasedPlace[] = [];
  for (const key of (await o.store.listMetaKeys({ tenant: o.tenant })).filter((k) => k.startsWith(_PREFIX))) {
    const raw = await o.store.getMeta({ tenant: o.tenant, key });
    const stored = raw ? (JSON.parse(raw) as { run?: EvalRun }) : undefined;
    if (!stored?.run || !Array.isArray(stored.run.results)) continue;
    const r = _redactEvalRun(stored.run, o.target, o.redaction);
    if (r.results === 0 && r.goldenItems === 0) continue;
    await o.store.setMeta({ tenant: o.tenant, key, value: JSON.stringify(stored) });
    places.push({ place: 'eval-run', path: `${o.store.location}#${key}`, action: 'redacted', count: r.results, what: r.what });
  }
  return places;
}
