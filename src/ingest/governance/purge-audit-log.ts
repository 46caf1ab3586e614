/**
 * Retention for the audit log (`fathom log purge`): remove (or redact) entries by document, by age or the
 * tenant's whole log, and return a receipt — recorded exports of the log are listed as not managed.
 */
import type { DeletionReceipt, PurgeQueryLogOptions, Store } from '../../spec/store.js';
import { FathomError } from '../../util/errors.js';
import { _unmanagedExports } from './_unmanaged-copies.js';
import { listExports } from './record-export.js';

export interface PurgeAuditLogOptions extends Omit<PurgeQueryLogOptions, 'at'> {
  store: Store;
  _internal?: { now?: () => number };
}

export async function purgeAuditLog(options: PurgeAuditLogOptions): Promise<DeletionReceipt> {
  const { store, _internal = {}, ...selection } = options;
  const at = (_internal.now ?? Date.now)();
  if (!store.purgeQueryLog) {
    throw new FathomError({ code: 'INVALID_CONFIG', message: `The ${store.provider} store cannot purge its audit log: use the SQLite store, or purge through the backend itself.` });
  }
  const r = await store.purgeQueryLog({ ...selection, at });
  const count = r.removed + r.redacted;
  return {
    tenant: selection.tenant, at, deleted: [], missing: [],
    places: count ? [{ place: 'audit-log', path: store.location, action: r.removed ? 'removed' : 'redacted', count, what: `${count} audit entries${r.redacted ? ' (text blanked, ids and timings kept)' : ''}` }] : [],
    erasure: r.erasure,
    notManaged: _unmanagedExports(await listExports({ store, tenant: selection.tenant }).then((l) => l.filter((e) => e.kind === 'audit-log')), undefined),
  };
}
