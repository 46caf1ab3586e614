/**
 * Per-key token bucket (per OIDC principal for tokens): `burst` requests at once, refilled at
 * `requestsPerMinute`. Over the limit: 429 RATE_LIMITED with `Retry-After` (whole seconds). In memory, per
 * server process.
 */
import type { MiddlewareHandler } from 'hono';
import { FathomError } from '../../util/errors.js';
import type { _Env } from '../_context.js';

/** The per-key limit when `server.rateLimit` is not set. */
export const DEFAULT_RATE_LIMIT = { requestsPerMinute: 600, burst: 60 } as const;

export function rateLimit({ requestsPerMinute, burst = Math.max(1, Math.ceil(requestsPerMinute / 10)), now }: { requestsPerMinute: number; burst?: number; now: () => number }): MiddlewareHandler<_Env> {
  const perMs = requestsPerMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (c, next) => {
    const id = c.get('identity');
    const key = id.keyId ?? `${id.tenant}\u0000${id.principal}`;
    const t = now();
    const b = buckets.get(key) ?? { tokens: burst, at: t };
    b.tokens = Math.min(burst, b.tokens + (t - b.at) * perMs);
    b.at = t;
    buckets.set(key, b);
    if (b.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
      c.header('Retry-After', String(retryAfter));
      throw new FathomError({ code: 'RATE_LIMITED', message: `Rate limit of ${requestsPerMinute} requests per minute (burst ${burst}) reached for this key: retry after ${retryAfter} s.`, details: { retryAfterSec: retryAfter, requestsPerMinute, burst } });
    }
    b.tokens -= 1;
    await next();
  };
}
