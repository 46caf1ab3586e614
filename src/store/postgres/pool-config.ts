/**
 * The `pg.Pool` configuration of a store that owns its pool. Server-side limits are set on every connection at
 * startup: `statement_timeout` (one statement may not run longer) and `idle_in_transaction_session_timeout` (a client
 * that opens a transaction — holding the tenant's writer lock — and goes silent, e.g. a paused or wedged process, is
 * disconnected by the server, its transaction rolled back and its locks released for the next writer).
 */
import type { PoolConfig } from 'pg';

/** Options of {@link postgresPoolConfig}. */
export interface PostgresPoolConfigOptions {
  connectionString: string;
  /** @default 10 */
  maxConnections?: number;
  /** Server-side statement timeout in ms (0: none). @default 30000 */
  statementTimeoutMs?: number;
  /** Server-side idle-in-transaction timeout in ms (0: none). @default 60000 */
  idleInTransactionTimeoutMs?: number;
}

export function postgresPoolConfig(options: PostgresPoolConfigOptions): PoolConfig {
  const { connectionString, maxConnections = 10, statementTimeoutMs = 30_000, idleInTransactionTimeoutMs = 60_000 } = options;
  return {
    connectionString,
    max: maxConnections,
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
    ...(idleInTransactionTimeoutMs > 0 ? { idle_in_transaction_session_timeout: idleInTransactionTimeoutMs } : {}),
  };
}
