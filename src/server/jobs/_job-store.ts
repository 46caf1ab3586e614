/**
 * Where jobs live, through the store contract only (meta rows; no backend-specific code): the job record
 * (`server:job:<id>`), what is needed to run it again (`server:job-params:<id>`), a cancel request from
 * another instance (`server:job-cancel:<id>`), all in the job's tenant; and each instance's list of its
 * unfinished jobs (`server:jobs:<instanceId>` in the server tenant). Only its instance writes that list,
 * so processes sharing a store never race on it.
 */
import type { Identity, ServerJob } from '../../spec/server.js';
import type { Store } from '../../spec/store.js';
import { _SERVER_TENANT } from '../keys/key-store.js';

export type _MetaStore = Pick<Store, 'getMeta' | 'setMeta'>;
export interface _JobRef { tenant: string; id: string }
export interface _JobParams { identity: Identity; params: unknown }

const _get = async <T>(store: _MetaStore, tenant: string, key: string): Promise<T | undefined> => {
  const raw = await store.getMeta({ tenant, key });
  return raw ? (JSON.parse(raw) as T) : undefined;
};

export const _readJob = (store: _MetaStore, ref: _JobRef) => _get<ServerJob>(store, ref.tenant, `server:job:${ref.id}`);
export const _writeJob = (store: _MetaStore, job: ServerJob) => store.setMeta({ tenant: job.tenant, key: `server:job:${job.id}`, value: JSON.stringify(job) });
export const _readParams = (store: _MetaStore, ref: _JobRef) => _get<_JobParams>(store, ref.tenant, `server:job-params:${ref.id}`);
export const _writeParams = (store: _MetaStore, ref: _JobRef, p: _JobParams) => store.setMeta({ tenant: ref.tenant, key: `server:job-params:${ref.id}`, value: JSON.stringify(p) });
export const _cancelRequested = async (store: _MetaStore, ref: _JobRef) => (await store.getMeta({ tenant: ref.tenant, key: `server:job-cancel:${ref.id}` })) === '1';
export const _requestCancel = (store: _MetaStore, ref: _JobRef) => store.setMeta({ tenant: ref.tenant, key: `server:job-cancel:${ref.id}`, value: '1' });

/** The unfinished jobs of one instance; `change` edits are applied one at a time. */
export function _instanceIndex(store: _MetaStore, instanceId: string) {
  const key = `server:jobs:${instanceId}`;
  let chain: Promise<unknown> = Promise.resolve();
  const read = async () => (await _get<_JobRef[]>(store, _SERVER_TENANT, key)) ?? [];
  const change = (f: (refs: _JobRef[]) => _JobRef[]) => {
    const next = chain.then(async () => store.setMeta({ tenant: _SERVER_TENANT, key, value: JSON.stringify(f(await read())) }));
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    read,
    add: (ref: _JobRef) => change((refs) => [...refs.filter((r) => r.id !== ref.id), ref]),
    remove: (ref: _JobRef) => change((refs) => refs.filter((r) => r.id !== ref.id)),
  };
}
