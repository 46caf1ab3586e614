import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { FathomError } from '../../util/errors.js';
import { migrate } from './migrations.js';
import { openSqlite } from './open-sqlite.js';

/**
 * Open (or create) a store file: parent directories, pragmas, migrations. Switching a new file to WAL and the
 * first migration take locks that SQLite can refuse at once (SQLITE_BUSY without waiting on the busy timeout)
 * when several processes create the same store together: the whole open is retried with backoff for ~15 s.
 */
export function openDatabase(path: string): Database.Database {
  const deadline = Date.now() + 15_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return _openOnce(path);
    } catch (error) {
      if (!(FathomError.isInstance(error) && error.code === 'STORE_BUSY') || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(500, 20 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}

function _openOnce(path: string): Database.Database {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
  let db: Database.Database | undefined;
  try {
    db = openSqlite(path);
    db.pragma('busy_timeout = 5000');
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    migrate(db, path);
    return db;
  } catch (error) {
    db?.close();
    throw toStoreError(error, path);
  }
}

/** Map SQLite errors to FathomErrors with actionable messages. */
export function toStoreError(error: unknown, location: string): FathomError {
  if (FathomError.isInstance(error)) return error;
  const code = (error as { code?: string }).code ?? '';
  const reason = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new FathomError({
      code: 'STORE_CORRUPT',
      message: `The file at ${location} is not a usable fathom store (${reason}). Move it aside or restore it from a backup, or point the store at another path.`,
      details: { path: location, sqliteCode: code },
      cause: error,
    });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new FathomError({
      code: 'STORE_BUSY',
      message: `The store at ${location} is locked by another writer; retry shortly.`,
      details: { path: location, sqliteCode: code },
      cause: error,
    });
  }
  return new FathomError({
    code: 'STORE_FAILED',
    message: `The store at ${location} failed: ${reason}`,
    details: { path: location, sqliteCode: code },
    cause: error,
  });
}
