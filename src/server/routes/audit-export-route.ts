/**
 * `GET /v1/audit/export`: the audit log of the caller's tenant as JSON Lines (one entry per line, oldest first),
 * for archiving or a SIEM. An admin exports every entry; anyone else only the entries they caused (the
 * principal recorded with the entry), as `GET /v1/audit` shows them. `since` / `until` bound it (epoch ms or ISO).
 */
import type { Hono } from 'hono';
import type { QueryLogEntry } from '../../spec/audit.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { hasRole } from '../middleware/require-role.js';

const _time = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const t = Number.isFinite(Number(raw)) ? Number(raw) : Date.parse(raw);
  if (Number.isNaN(t)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${name} must be epoch ms or an ISO date, got "${raw}".` });
  return t;
};

export function auditExportRoute(app: Hono<_Env>, s: _ServerContext): void {
  app.get('/v1/audit/export', async (c) => {
    const since = _time('since', c.req.query('since'));
    const until = _time('until', c.req.query('until'));
    const identity = c.get('identity');
    const admin = hasRole(identity.role, 'admin');
    const entries = (await s.store.listQueryLog({ tenant: identity.tenant, since, until: until === undefined ? undefined : until + 1, principal: admin ? undefined : identity.principal }))
      .filter((e: QueryLogEntry) => (until === undefined || e.at <= until) && (admin || (e.metadata as { principal?: string } | undefined)?.principal === identity.principal))
      .reverse();
    const body = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
    return c.body(body, 200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-disposition': `attachment; filename="fathom-audit-${identity.tenant}.jsonl"`, 'x-entries': String(entries.length) });
  });
}
