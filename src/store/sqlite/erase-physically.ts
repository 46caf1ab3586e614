/**
 * Physical erasure after a delete or purge. With `secure_delete` the freed pages are written zeroed, but into the
 * WAL: the old bytes stay in the database file (and older WAL frames) until a checkpoint copies the new pages and
 * truncates the WAL — which SQLite refuses (busy) while another connection reads an older snapshot. So: retry with
 * short backoff, then say so honestly, record it in the store (meta key `erasure:pending`) and finish on the next open.
 */
import type { PhysicalErasure } from '../../spec/store.js';
import type { SqliteContext } from './context.js';

const PENDING = 'erasure:pending';

/** Backoff between checkpoint attempts (ms): six attempts, about 0.8 s in all. */
export const erasureBackoffMs = [25, 50, 100, 200, 400];

/** One TRUNCATE checkpoint that never waits on the busy handler; true when it completed. */
function _checkpoint(ctx: SqliteContext): boolean {
  const timeout = ctx.db.pragma('busy_timeout', { simple: true }) as number;
  ctx.db.pragma('busy_timeout = 0');
  try {
    const [r] = ctx.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    return r?.busy === 0;
  } catch {
    return false; // SQLITE_BUSY/LOCKED raised instead of reported: same meaning
  } finally {
    ctx.db.pragma(`busy_timeout = ${timeout}`);
  }
}

function _complete(ctx: SqliteContext, attempts: number): PhysicalErasure {
  if ((ctx.stmt('SELECT count(*) FROM meta WHERE key = ?').pluck().get(PENDING) as number) > 0) {
    ctx.stmt('DELETE FROM meta WHERE key = ?').run(PENDING);
    _checkpoint(ctx);
  }
  return { status: 'complete', attempts, message: `Erased from ${ctx.location} and its WAL (checkpointed, WAL truncated).` };
}

function _pendingMessage(ctx: SqliteContext): string {
  return `pending physical erasure until readers close: another connection still reads an older snapshot of ${ctx.location} (or is writing to it), so the deleted text stays in the database file and its WAL until it closes. fathom finishes the erasure the next time it opens this store.`;
}

/** Checkpoint and truncate the WAL, retrying while readers hold old snapshots; record a pending erasure if they outlast the retries. */
export async function erasePhysically(ctx: SqliteContext, tenantId: number, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): Promise<PhysicalErasure> {
  if (ctx.location === ':memory:') return { status: 'not-applicable', attempts: 0, message: 'In-memory store: nothing on disk.' };
  let attempts = 0;
  for (const delay of [0, ...erasureBackoffMs]) {
    if (delay) await sleep(delay);
    attempts++;
    if (!ctx.db.open) break;
    if (_checkpoint(ctx)) return _complete(ctx, attempts);
  }
  let recorded = false;
  try {
    const value = JSON.stringify({ since: ctx.internal.now(), attempts });
    if (ctx.db.open) recorded = ctx.stmt('INSERT INTO meta (tenant_id, key, value) VALUES (?, ?, ?) ON CONFLICT (tenant_id, key) DO NOTHING').run(tenantId, PENDING, value).changes >= 0;
  } catch {
    // The delete itself is committed: a busy store must not turn it into an error. Say so instead.
  }
  const note = recorded ? '' : ' (the store was too busy to record this: run `fathom docs delete` again later to finish it)';
  return { status: 'pending', attempts, message: `${_pendingMessage(ctx)}${note}` };
}

/** On open: finish an erasure a previous delete left pending (one attempt; stays pending while readers remain). */
export function finishPendingErasure(ctx: SqliteContext): PhysicalErasure | undefined {
  if (ctx.location === ':memory:') return undefined;
  if ((ctx.stmt('SELECT count(*) FROM meta WHERE key = ?').pluck().get(PENDING) as number) === 0) return undefined;
  return _checkpoint(ctx) ? _complete(ctx, 1) : { status: 'pending', attempts: 1, message: _pendingMessage(ctx) };
}

/** After a full compaction: clear a pending record when the checkpoint succeeds. */
export function clearPendingErasure(ctx: SqliteContext): void {
  if (ctx.location !== ':memory:' && _checkpoint(ctx)) _complete(ctx, 1);
}
