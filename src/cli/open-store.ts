/**
 * Open the store a command uses: PostgreSQL when the location is a `postgres://` URL (`--store`, FATHOM_STORE_URL or
 * config `store.url`), else the SQLite file.
 */
import type { Store } from '../spec/store.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import type { FathomConfig } from './config.js';

/** Whether `location` names a PostgreSQL store. */
export const isPostgresUrl = (location: string | undefined): location is string => typeof location === 'string' && /^postgres(ql)?:\/\//i.test(location);

export async function openStore(options: { location: string; config: FathomConfig }): Promise<Store> {
  const { location, config } = options;
  if (isPostgresUrl(location)) {
    // Imported when used: a SQLite command never loads the PostgreSQL store (cold start).
    const { createPostgresStore } = await import('../store/postgres/index.js');
    return createPostgresStore({ connectionString: location, ...config.store.postgres });
  }
  return createSqliteStore({ path: location, vectorIndex: config.store.vectorIndex });
}
