export { createSqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
export type { VectorIndexOptions } from './vector-index.js';
