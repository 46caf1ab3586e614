import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../spec/server.js';
import { FathomError } from '../../util/errors.js';
import type { _Env } from '../_context.js';

const _RANK: Record<Role, number> = { reader: 0, writer: 1, admin: 2 };

/** True when `role` includes `needed` (admin ⊃ writer ⊃ reader). */
export const hasRole = (role: Role, needed: Role): boolean => _RANK[role] >= _RANK[needed];

/** 403 FORBIDDEN unless the identity's role includes `needed`. */
export function requireRole(needed: Role): MiddlewareHandler<_Env> {
  return async (c, next) => {
    const { role, principal } = c.get('identity');
    if (!hasRole(role, needed)) throw new FathomError({ code: 'FORBIDDEN', message: `${principal} has role ${role}; this operation needs ${needed}. Ask an admin for a ${needed} key.`, details: { role, needed } });
    await next();
  };
}
