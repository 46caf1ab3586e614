/** Map a `pg` / server error to a FathomError: connection failures, timeouts and contention named for the user. */
import { FathomError } from '../../util/errors.js';

/**
 * SQLSTATEs worth retrying the whole transaction for: serialization failure, deadlock, and the server ending a
 * session idle in its transaction (25P03: rolled back as a whole, so a retry on a fresh connection is safe).
 */
export const retryableStates = new Set(['40001', '40P01', '25P03']);

export function toStoreError(error: unknown, location: string): FathomError {
  if (FathomError.isInstance(error)) return error;
  const e = error as { code?: string; message?: string };
  const message = e?.message ?? String(error);
  const code = e?.code ?? '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P03', '53300', '08006', '08001', '08004'].includes(code) || /Connection terminated|timeout exceeded when trying to connect/i.test(message)) {
    return new FathomError({ code: 'STORE_UNAVAILABLE', message: `Cannot reach the PostgreSQL store at ${location}: ${message}. Check that the server runs and the connection string (host, port, user, password, database) is right.`, cause: error, details: { location, sqlstate: code } });
  }
  if (code === '28P01' || code === '28000' || code === '3D000') {
    return new FathomError({ code: 'INVALID_CONFIG', message: `The PostgreSQL store at ${location} refused the connection: ${message}. Fix the user, password or database in the connection string.`, cause: error, details: { location, sqlstate: code } });
  }
  if (code === '57014') {
    return new FathomError({ code: 'STORE_BUSY', message: `A PostgreSQL statement on ${location} exceeded the statement timeout (${message}). Raise store.postgres.statementTimeoutMs or retry when the server is less loaded.`, cause: error, details: { location, sqlstate: code } });
  }
  if (retryableStates.has(code) || code === '55P03') {
    return new FathomError({ code: 'STORE_BUSY', message: `The PostgreSQL store at ${location} stayed busy (${message}) after retries; try again.`, cause: error, details: { location, sqlstate: code } });
  }
  if (code === '42501') {
    return new FathomError({ code: 'STORE_FAILED', message: `The PostgreSQL user lacks a privilege on ${location}: ${message}. Grant it (CREATE on the database for the first migration), or run the migration as the owner.`, cause: error, details: { location, sqlstate: code } });
  }
  return new FathomError({ code: 'STORE_FAILED', message: `The PostgreSQL store at ${location} failed: ${message}`, cause: error, details: { location, sqlstate: code } });
}
