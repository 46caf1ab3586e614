import type Database from 'better-sqlite3';
import type { Internal } from '../../util/clock.js';

/** Shared state of one open SQLite store: the connection, a prepared-statement cache and tenant ids. */
export interface SqliteContext {
  db: Database.Database;
  location: string;
  internal: Internal;
  bm25: { k1: number; b: number };
  /** A cached prepared statement for `sql`. */
  stmt: (sql: string) => Database.Statement;
  /** The tenant's row id; `undefined` when the tenant has never been written (reads), created when `create`. */
  tenantId: (name: string, create?: boolean) => number | undefined;
  /** Bump the tenant's generation so in-memory indexes (in any process) reload. */
  touch: (tenantId: number) => void;
  /** The tenant's current generation. */
  generation: (tenantId: number) => number;
  /** The database's identity: a random id drawn when the file was created (migration 3). */
  storeId: string;
}

/** Build the context for an open database. */
export function createContext(options: { db: Database.Database; location: string; internal: Internal; bm25: { k1: number; b: number } }): SqliteContext {
  const { db } = options;
  const statements = new Map<string, Database.Statement>();
  const tenants = new Map<string, number>();
  const stmt = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const tenantId = (name: string, create = false) => {
    if (typeof name !== 'string' || name.length === 0) return undefined;
    let id = tenants.get(name);
    if (id !== undefined) return id;
    if (create) stmt('INSERT OR IGNORE INTO tenants (name) VALUES (?)').run(name);
    id = (stmt('SELECT id FROM tenants WHERE name = ?').pluck().get(name) as number | undefined);
    if (id !== undefined) tenants.set(name, id);
    return id;
  };
  // A new random epoch with every generation: a restored copy of the file reaching the same generation number by
  // other writes still differs, so side files saved for one history are never trusted in another.
  const touch = (id: number) => void stmt('UPDATE tenants SET generation = generation + 1, epoch = lower(hex(randomblob(8))) WHERE id = ?').run(id);
  const generation = (id: number) => stmt('SELECT generation FROM tenants WHERE id = ?').pluck().get(id) as number;
  const storeId = (stmt("SELECT value FROM store_info WHERE key = 'id'").pluck().get() as string | undefined) ?? '';
  return { ...options, stmt, tenantId, touch, generation, storeId };
}
