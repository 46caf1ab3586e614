import Database from 'better-sqlite3';
import { sqliteBinding } from './sqlite-binding.js';

let _binding: string | object | undefined;

/**
 * `new Database(path, options)` with better-sqlite3's addon located once per process (sqlite-binding.ts): every
 * connection fathom opens goes through here, so none pays the addon search and the CLI bundle, which includes
 * better-sqlite3's JavaScript, can load it.
 */
export function openSqlite(path: string, options: Omit<Database.Options, 'nativeBinding'> = {}): Database.Database {
  _binding ??= sqliteBinding();
  return new Database(path, { ...options, nativeBinding: _binding as string });
}
