/**
 * OIDC / JWT bearer tokens: signature checked against the JWKS URL (keys cached and refreshed by jose),
 * then `iss`, `aud`, `exp`/`nbf` with the configured clock skew; claims map to principal, groups, role and
 * (optionally) tenant.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { Identity, OidcConfig, Role } from '../../spec/server.js';
import { FathomError } from '../../util/errors.js';

export type OidcVerifier = (token: string) => Promise<Identity>;

const _ROLES = new Set<Role>(['reader', 'writer', 'admin']);

export function createOidcVerifier(config: OidcConfig): OidcVerifier {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
  const { principalClaim = 'sub', groupsClaim = 'groups', roleClaim = 'fathom_role', defaultRole = 'reader', tenantClaim, clockToleranceSec = 30 } = config;
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer: config.issuer, audience: config.audience, clockTolerance: clockToleranceSec }));
    } catch (error) {
      const reason = (error as { code?: string }).code ?? 'ERR_JWT_INVALID';
      throw new FathomError({ code: 'UNAUTHENTICATED', message: `Bearer token rejected (${reason}): send a valid token from ${config.issuer} for audience ${String(config.audience)}, or an API key.`, details: { reason } });
    }
    const sub = payload[principalClaim];
    if (typeof sub !== 'string' || !sub) throw new FathomError({ code: 'UNAUTHENTICATED', message: `Bearer token has no "${principalClaim}" claim to name the principal.` });
    const tenant = tenantClaim ? payload[tenantClaim] : (config.tenant ?? 'default');
    if (typeof tenant !== 'string' || !tenant || tenant.startsWith('__')) throw new FathomError({ code: 'UNAUTHENTICATED', message: `Bearer token has no usable "${tenantClaim}" claim to name the tenant.` });
    const rawGroups = payload[groupsClaim];
    const groups = Array.isArray(rawGroups) ? rawGroups.map(String) : typeof rawGroups === 'string' ? rawGroups.split(/[\s,]+/).filter(Boolean) : [];
    const rawRole = payload[roleClaim];
    const role = typeof rawRole === 'string' && _ROLES.has(rawRole as Role) ? (rawRole as Role) : defaultRole;
    return { tenant, principal: sub.includes(':') ? sub : `user:${sub}`, groups, role, via: 'oidc' };
  };
}
