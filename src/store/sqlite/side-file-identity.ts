import type { SqliteContext } from './context.js';

/**
 * What a file derived from the database (an HNSW graph, any on-disk index) must record and match before it is
 * trusted: the database's random id, the tenant (name and row id), and the tenant's generation and epoch when
 * the file was written. Another store id or tenant → the file belongs to another database: ignore it and rebuild.
 * Same database but another generation or epoch → stale (or from another history of a restored copy): reconcile
 * or rebuild from SQLite.
 */
export interface SideFileIdentity {
  store: string;
  tenant: string;
  tenantId: number;
  generation: number;
  /** Random per generation; '' when unknown (the file then never counts as current). */
  epoch: string;
}

/** The tenant's current identity, read in one statement (generation and epoch belong together). */
export function sideFileIdentity(ctx: SqliteContext, tenantId: number): SideFileIdentity {
  const row = ctx.stmt('SELECT name, generation, epoch FROM tenants WHERE id = ?').get(tenantId) as { name: string; generation: number; epoch: string } | undefined;
  return { store: ctx.storeId, tenant: row?.name ?? '', tenantId, generation: row?.generation ?? 0, epoch: row?.epoch ?? '' };
}

/** Whether a file's recorded identity belongs to this database and tenant (it may still be stale). */
export function sameOwner(recorded: SideFileIdentity, current: SideFileIdentity): boolean {
  return recorded.store !== '' && recorded.store === current.store && recorded.tenant === current.tenant && recorded.tenantId === current.tenantId;
}

/** Whether a file's recorded identity is exactly the current state (same owner, generation and epoch). */
export function isCurrent(recorded: SideFileIdentity, current: SideFileIdentity): boolean {
  return sameOwner(recorded, current) && recorded.generation === current.generation && recorded.epoch !== '' && recorded.epoch === current.epoch;
}
