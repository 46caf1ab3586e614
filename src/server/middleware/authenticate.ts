/**
 * Resolve the request's Identity from `Authorization: Bearer <credential>`: an API key (`fk_…`, hashed and
 * looked up) or, when OIDC is configured, a JWT. The tenant comes from the identity only.
 */
import type { MiddlewareHandler } from 'hono';
import type { Identity } from '../../spec/server.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { resolveApiKey } from '../keys/resolve-api-key.js';
import { createOidcVerifier } from './oidc-verifier.js';

export function authenticate(s: _ServerContext): MiddlewareHandler<_Env> {
  const oidc = s.config.oidc ? createOidcVerifier(s.config.oidc) : undefined;
  return async (c, next) => {
    const header = c.req.header('authorization');
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) throw new FathomError({ code: 'UNAUTHENTICATED', message: 'Missing credentials: send `Authorization: Bearer <key>` (create a key with `fathom keys create --tenant t --principal user:alice --role reader`).' });
    const credential = m[1]!;
    let identity: Identity;
    if (credential.startsWith('fk_') || !oidc) {
      const record = await resolveApiKey({ store: s.store, key: credential, cacheMs: s.config.apiKeyCacheMs, now: s.now });
      if (!record) throw new FathomError({ code: 'UNAUTHENTICATED', message: 'Unknown or revoked API key: create one with `fathom keys create` (list keys with `fathom keys list`).' });
      identity = { tenant: record.tenant, principal: record.principal, groups: record.groups, role: record.role, via: 'api-key', keyId: record.id };
    } else identity = await oidc(credential);
    c.set('identity', identity);
    await next();
  };
}
