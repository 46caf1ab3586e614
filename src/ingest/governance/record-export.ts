/**
 * Copies fathom wrote outside its data directory on the user's request (`log export --out`, `eval run --out`):
 * recorded by path in the store (tenant meta `exports`) so a deletion receipt can list the ones that may still
 * hold deleted text as "not managed" — fathom never edits or deletes a user's file.
 */
import type { Store } from '../../spec/store.js';

/** One recorded export. */
export interface RecordedExport {
  /** Absolute path. */
  path: string;
  /** What was exported, e.g. `audit-log`, `eval-run`. */
  kind: string;
  /** Epoch ms. */
  at: number;
}

const KEY = 'exports';
/** Most exports remembered per tenant (the newest are kept). */
const LIMIT = 500;

export async function listExports({ store, tenant }: { store: Store; tenant: string }): Promise<RecordedExport[]> {
  try {
    const list = JSON.parse((await store.getMeta({ tenant, key: KEY })) ?? '[]') as RecordedExport[];
    return Array.isArray(list) ? list.filter((e) => e && typeof e.path === 'string') : [];
  } catch {
    return [];
  }
}

/** Remember an export (a path written again moves to the end). */
export async function recordExport({ store, tenant, path, kind, at = Date.now() }: { store: Store; tenant: string; path: string; kind: string; at?: number }): Promise<void> {
  const list = (await listExports({ store, tenant })).filter((e) => e.path !== path);
  list.push({ path, kind, at });
  await store.setMeta({ tenant, key: KEY, value: JSON.stringify(list.slice(-LIMIT)) });
}
