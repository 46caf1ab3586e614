import { FathomError } from '../util/errors.js';

export const MAX_TENANT_CHARS = 128;

/**
 * A tenant id from `--tenant` or FATHOM_TENANT: trimmed; empty, over 128 characters or holding control
 * characters (newlines, escapes) is an INVALID_ARGUMENT error naming the source.
 */
export function normalizeTenant(value: string, source: string): string {
  const tenant = value.trim();
  const bad = tenant.length === 0 ? 'is empty'
    : tenant.length > MAX_TENANT_CHARS ? `has ${tenant.length} characters (at most ${MAX_TENANT_CHARS})`
    : /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(tenant) ? 'contains control characters (newlines, tabs or escapes)'
    : undefined;
  if (bad) {
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value);
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${source} ${shown} ${bad}: a tenant id is 1-${MAX_TENANT_CHARS} printable characters, e.g. --tenant acme.`, details: { flag: source, allowed: `1-${MAX_TENANT_CHARS} printable characters` } });
  }
  return tenant;
}
