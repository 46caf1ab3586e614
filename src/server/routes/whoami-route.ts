/**
 * `GET /v1/whoami`: the caller's own identity as the server resolved it from the key or token (tenant,
 * principal, groups, role, how it was established). Any role may ask; it never names another identity. The
 * dashboard reads it to decide which pages to show instead of probing admin routes.
 */
import type { Hono } from 'hono';
import type { Identity } from '../../spec/server.js';
import type { _Env } from '../_context.js';

/** The body of `GET /v1/whoami`. */
export type WhoAmI = Pick<Identity, 'tenant' | 'principal' | 'groups' | 'role' | 'via'>;

export function whoamiRoute(app: Hono<_Env>): void {
  app.get('/v1/whoami', (c) => {
    const { tenant, principal, groups, role, via } = c.get('identity');
    return c.json({ tenant, principal, groups: [...groups], role, via } satisfies WhoAmI);
  });
}
