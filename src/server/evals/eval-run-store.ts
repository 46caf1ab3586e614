/**
 * Evaluation runs made through the server, kept in the tenant's meta rows (store contract only):
 * `server:eval:<runId>` → the run with who started it and as whom it answered; `server:evals` → the list of
 * runs (newest last). A run is visible to the principal who started it and to admins.
 */
import type { Principal } from '../../spec/access.js';
import type { EvalRun } from '../../spec/evaluation.js';
import type { Identity } from '../../spec/server.js';
import type { Store } from '../../spec/store.js';
import { FathomError } from '../../util/errors.js';
import { hasRole } from '../middleware/require-role.js';

export interface StoredEvalRun {
  run: EvalRun;
  /** Who started it. */
  principal: string;
  /** Whose permissions the answers were retrieved with. */
  asPrincipal: Principal;
  jobId: string;
}
export interface EvalRunListing { id: string; createdAt: number; principal: string; asPrincipal: string; jobId: string; items: number; summary: EvalRun['summary'] }

type _Meta = Pick<Store, 'getMeta' | 'setMeta'>;
const _INDEX = 'server:evals';
const _visible = (identity: Identity, principal: string) => hasRole(identity.role, 'admin') || principal === identity.principal;

export async function saveEvalRun(store: _Meta, tenant: string, stored: StoredEvalRun): Promise<void> {
  await store.setMeta({ tenant, key: `server:eval:${stored.run.id}`, value: JSON.stringify(stored) });
  const list = await listEvalRuns(store, tenant);
  const entry: EvalRunListing = { id: stored.run.id, createdAt: stored.run.createdAt, principal: stored.principal, asPrincipal: stored.asPrincipal.id, jobId: stored.jobId, items: stored.run.dataset.items, summary: stored.run.summary };
  await store.setMeta({ tenant, key: _INDEX, value: JSON.stringify([...list.filter((r) => r.id !== entry.id), entry]) });
}

export async function listEvalRuns(store: _Meta, tenant: string, identity?: Identity): Promise<EvalRunListing[]> {
  const raw = await store.getMeta({ tenant, key: _INDEX });
  const all = raw ? (JSON.parse(raw) as EvalRunListing[]) : [];
  return identity ? all.filter((r) => _visible(identity, r.principal)) : all;
}

/** The run `id` if the caller may see it, else NOT_FOUND (another principal's run is not the caller's to know about). */
export async function requireEvalRun(store: _Meta, identity: Identity, id: string): Promise<StoredEvalRun> {
  const raw = await store.getMeta({ tenant: identity.tenant, key: `server:eval:${id}` });
  const stored = raw ? (JSON.parse(raw) as StoredEvalRun) : undefined;
  if (!stored || !_visible(identity, stored.principal)) throw new FathomError({ code: 'NOT_FOUND', message: `No evaluation run "${id}" visible to you: list yours with GET /v1/eval/runs.`, details: { id } });
  return stored;
}
