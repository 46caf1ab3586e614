/**
 * Evaluation runs made through the server, kept in the tenant's meta rows (store contract only):
 * `server:eval:<runId>` → the run with who started it and as whom it answered; `server:evals:<runId>` → its
 * listing entry. One key per run, so two runs finishing at once (two jobs, two server replicas) cannot overwrite
 * each other's entry as a shared read-modify-write list would. `server:evals` is that older shared list, still
 * read, and still written only by a store without `listMetaKeys`. A run is visible to the principal who started
 * it and to admins.
 */
import type { Principal } from '../../spec/access.js';
import type { EvalRun } from '../../spec/evaluation.js';
import type { Identity } from '../../spec/server.js';
import type { Store } from '../../spec/store.js';
import { FathomError } from '../../util/errors.js';
import { hasRole } from '../middleware/require-role.js';
import { storedEvalRunKey } from '../../ingest/index.js';

export interface StoredEvalRun {
  run: EvalRun;
  /** Who started it. */
  principal: string;
  /** Whose permissions the answers were retrieved with. */
  asPrincipal: Principal;
  jobId: string;
}
export interface EvalRunListing { id: string; createdAt: number; principal: string; asPrincipal: string; jobId: string; items: number; summary: EvalRun['summary'] }

type _Meta = Pick<Store, 'getMeta' | 'setMeta' | 'listMetaKeys'>;
const _INDEX = 'server:evals';
const _ENTRY = 'server:evals:';
const _visible = (identity: Identity, principal: string) => hasRole(identity.role, 'admin') || principal === identity.principal;

export async function saveEvalRun(store: _Meta, tenant: string, stored: StoredEvalRun): Promise<void> {
  await store.setMeta({ tenant, key: storedEvalRunKey(stored.run.id), value: JSON.stringify(stored) });
  const entry: EvalRunListing = { id: stored.run.id, createdAt: stored.run.createdAt, principal: stored.principal, asPrincipal: stored.asPrincipal.id, jobId: stored.jobId, items: stored.run.dataset.items, summary: stored.run.summary };
  if (store.listMetaKeys) {
    await store.setMeta({ tenant, key: `${_ENTRY}${entry.id}`, value: JSON.stringify(entry) });
    return;
  }
  const legacy = await _legacyList(store, tenant);
  await store.setMeta({ tenant, key: _INDEX, value: JSON.stringify([...legacy.filter((r) => r.id !== entry.id), entry]) });
}

/** The runs (oldest first) the identity may see; all of them without one. */
export async function listEvalRuns(store: _Meta, tenant: string, identity?: Identity): Promise<EvalRunListing[]> {
  const keys = store.listMetaKeys ? (await store.listMetaKeys({ tenant })).filter((k) => k.startsWith(_ENTRY)) : [];
  const own = (await Promise.all(keys.map((key) => store.getMeta({ tenant, key })))).flatMap((raw) => (raw ? [JSON.parse(raw) as EvalRunListing] : []));
  const byId = new Map([...(await _legacyList(store, tenant)), ...own].map((r) => [r.id, r]));
  const all = [...byId.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return identity ? all.filter((r) => _visible(identity, r.principal)) : all;
}

async function _legacyList(store: _Meta, tenant: string): Promise<EvalRunListing[]> {
  const raw = await store.getMeta({ tenant, key: _INDEX });
  return raw ? (JSON.parse(raw) as EvalRunListing[]) : [];
}

/** The run `id` if the caller may see it, else NOT_FOUND (another principal's run is not the caller's to know about). */
export async function requireEvalRun(store: _Meta, identity: Identity, id: string): Promise<StoredEvalRun> {
  const raw = await store.getMeta({ tenant: identity.tenant, key: storedEvalRunKey(id) });
  const stored = raw ? (JSON.parse(raw) as StoredEvalRun) : undefined;
  if (!stored || !_visible(identity, stored.principal)) throw new FathomError({ code: 'NOT_FOUND', message: `No evaluation run "${id}" visible to you: list yours with GET /v1/eval/runs.`, details: { id } });
  return stored;
}
