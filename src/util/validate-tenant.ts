import { FathomError } from './errors.js';

/** The tenant id rule: 1–128 characters of ASCII letters, digits and `.` `_` `:` `@` `-` (no spaces, no normalising). */
export const TENANT_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * Return `tenant` when it is a valid tenant id; otherwise throw TENANT_REQUIRED (missing or empty) or INVALID_TENANT
 * naming what is wrong. Ids are never trimmed or case-folded: `"default "` and `"default"` would be two tenants, so
 * the first is refused instead.
 */
export function validateTenant(tenant: unknown): string {
  if (tenant === undefined || tenant === null || tenant === '') {
    throw new FathomError({ code: 'TENANT_REQUIRED', message: 'A tenant is required: pass a tenant id such as "default" (the CLI uses --tenant).' });
  }
  if (typeof tenant === 'string' && TENANT_ID_PATTERN.test(tenant)) return tenant;
  throw new FathomError({
    code: 'INVALID_TENANT',
    message: `Tenant id ${_show(tenant)} is invalid: ${_reason(tenant)}. Tenant ids are 1–128 characters of letters, digits and . _ : @ - (for example "acme" or "team-2").`,
    details: { tenant: typeof tenant === 'string' ? tenant.slice(0, 200) : typeof tenant },
  });
}

function _reason(tenant: unknown): string {
  if (typeof tenant !== 'string') return `it is a ${tenant === null ? 'null' : typeof tenant}, not a string`;
  if (tenant.trim() !== tenant) return `it has leading or trailing whitespace (did you mean ${_show(tenant.trim())}?)`;
  if (tenant.length > 128) return `it is ${tenant.length} characters long (at most 128)`;
  const bad = [...tenant].find((c) => !/[A-Za-z0-9._:@-]/.test(c))!;
  return `it contains ${JSON.stringify(bad)} (U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

function _show(tenant: unknown): string {
  const s = typeof tenant === 'string' ? JSON.stringify(tenant) : String(tenant);
  return s.length > 60 ? `${s.slice(0, 57)}…"` : s;
}
