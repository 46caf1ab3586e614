/**
 * Deterministic control of the PostgreSQL store's writers, for multi-process tests: hold a tenant's writer lock
 * (the advisory lock every `commit` and `deleteDocuments` takes first in its transaction) from a separate
 * connection, so writers in other processes block at a known point — their transaction open, a batch in flight —
 * and let them through one batch at a time. PostgreSQL queues lock waiters in order, so `cycle()` lets every writer
 * already waiting commit exactly one batch before this connection holds the lock again.
 */
import { createPostgresStore } from '../../store/postgres/index.js';
import { tenantLockKey } from '../../store/postgres/commit.js';
import { loadPg } from '../../store/postgres/load-pg.js';

/** A held tenant lock. */
export interface TenantLock {
  /** `application_name` of each backend waiting for the lock now (set `PGAPPNAME` on a process to name it). */
  waiting(): Promise<string[]>;
  /** Release the lock and queue for it again in the same round trip; resolves once held again. */
  cycle(): Promise<void>;
  /** Release the lock and close the connection. */
  release(): Promise<void>;
}

/** Options of {@link holdTenantLock}. */
export interface HoldTenantLockOptions {
  connectionString: string;
  /** @default 'fathom' */
  schema?: string;
  tenant: string;
}

/** Migrate the schema, create the tenant when missing, and take its writer lock. */
export async function holdTenantLock(options: HoldTenantLockOptions): Promise<TenantLock> {
  const { connectionString, schema = 'fathom', tenant } = options;
  await (await createPostgresStore({ connectionString, schema, maxConnections: 1 })).close();
  const { Client } = await loadPg();
  const client = new Client({ connectionString, application_name: 'fathom-test-lock' });
  // A second connection watches: pg_stat_activity is a snapshot per transaction, and `client` stays in one.
  const watcher = new Client({ connectionString, application_name: 'fathom-test-lock-watch' });
  await Promise.all([client.connect(), watcher.connect()]);
  const table = `"${schema}"."tenants"`;
  await client.query(`INSERT INTO ${table} (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [tenant]);
  const id = Number((await client.query<{ id: number }>(`SELECT id FROM ${table} WHERE name = $1`, [tenant])).rows[0]!.id);
  const lock = `SELECT pg_advisory_xact_lock(hashtext('${tenantLockKey(schema).replaceAll("'", "''")}'), ${id})`;
  await client.query(`BEGIN; ${lock}`);
  let released: Promise<void> | undefined;
  return {
    waiting: async () =>
      (await watcher.query<{ name: string }>(
        `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE l.locktype = 'advisory' AND NOT l.granted AND l.objsubid = 2 AND l.objid = $1 AND a.datname = current_database()`,
        [id],
      )).rows.map((r) => r.name),
    cycle: async () => void (await client.query(`COMMIT; BEGIN; ${lock}`)),
    release: () =>
      (released ??= (async () => {
        await client.query('COMMIT').catch(() => {});
        await Promise.all([client.end(), watcher.end()]);
      })()),
  };
}
