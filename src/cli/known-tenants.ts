import { openSqlite } from '../store/sqlite/open-sqlite.js';

/**
 * Tenants that hold documents in the SQLite store at `path` (read-only, at most 20), for the "unknown tenant"
 * warning. The Store contract has no tenant listing; an unreadable file gives an empty list.
 */
export function knownTenants(path: string): string[] {
  try {
    const db = openSqlite(path, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT t.name FROM tenants t WHERE EXISTS (SELECT 1 FROM documents d WHERE d.tenant_id = t.id) ORDER BY t.name LIMIT 20').pluck().all() as string[];
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}
