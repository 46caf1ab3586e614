/**
 * The audit log of the caller's tenant. A reader or writer sees only entries they caused (the principal
 * recorded in the entry's metadata); an admin sees all. Feedback is stored in the entry itself
 * (`routes/feedback-route.ts`, `Store.annotateQueryLog`), so deleting a document that the entry cited erases it
 * with the entry's text; `GET /v1/audit/{id}` returns it.
 * The principal filter runs over the newest 10,000 entries until the store can filter by principal (ACL work).
 */
import type { Hono } from 'hono';
import type { QueryLogEntry } from '../../spec/audit.js';
import type { Identity } from '../../spec/server.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { hasRole } from '../middleware/require-role.js';
import { toFeedbackRecord } from './feedback-route.js';
import { findQueryLogEntry } from '../../monitor/index.js';

const _WINDOW = 10_000;
const _visible = (id: Identity) => (e: QueryLogEntry) => hasRole(id.role, 'admin') || (e.metadata as { principal?: string } | undefined)?.principal === id.principal;

export function auditRoute(app: Hono<_Env>, s: _ServerContext): void {
  const find = async (identity: Identity, id: string): Promise<QueryLogEntry> => {
    const entry = await findQueryLogEntry(s.store, identity.tenant, id);
    // Someone else's entry is reported as absent, not forbidden: its existence is not the reader's to know.
    if (!entry || !_visible(identity)(entry)) throw new FathomError({ code: 'NOT_FOUND', message: `No audit entry "${id}" visible to you: list yours with GET /v1/audit.`, details: { id } });
    return entry;
  };
  app.get('/v1/audit', async (c) => {
    const limit = c.req.query('limit') === undefined ? 20 : Number(c.req.query('limit'));
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `limit must be an integer from 1 to 1000, got "${c.req.query('limit')}".` });
    const sinceRaw = c.req.query('since');
    const since = sinceRaw === undefined ? undefined : Number.isFinite(Number(sinceRaw)) ? Number(sinceRaw) : Date.parse(sinceRaw);
    if (since !== undefined && Number.isNaN(since)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `since must be epoch ms or an ISO date, got "${sinceRaw}".` });
    const identity = c.get('identity');
    const admin = hasRole(identity.role, 'admin');
    const entries = await s.store.listQueryLog({ tenant: identity.tenant, since, limit: admin ? limit : _WINDOW });
    return c.json({ entries: entries.filter(_visible(identity)).slice(0, limit) });
  });

  app.get('/v1/audit/:id', async (c) => {
    const identity = c.get('identity');
    const entry = await find(identity, c.req.param('id'));
    return c.json({ ...entry, feedback: (entry.feedback ?? []).map(toFeedbackRecord) });
  });
}
