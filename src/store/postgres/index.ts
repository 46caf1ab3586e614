export { createPostgresStore, describeConnection, type PostgresStoreOptions } from './postgres-store.js';
