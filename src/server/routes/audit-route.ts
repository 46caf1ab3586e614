/**
 * The audit log of the caller's tenant. A reader or writer sees only entries they caused (the principal
 * recorded in the entry's metadata); an admin sees all. Feedback is stored in the entry itself
 * (`routes/feedback-route.ts`, `Store.annotateQueryLog`), so deleting a document that the entry cited erases it
 * with the entry's text; `GET /v1/audit/{id}` returns it.
 * A non-admin's filter runs in the store query (`listQueryLog({ principal })`), so `limit` and the cursor count
 * their entries however many newer entries others caused; the in-memory check stays as defence in depth.
 * Paging: `nextCursor` is the last entry's time, id and position among the entries of that same millisecond.
 */
import type { Hono } from 'hono';
import type { QueryLogEntry } from '../../spec/audit.js';
import type { Identity } from '../../spec/server.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { hasRole } from '../middleware/require-role.js';
import { toFeedbackRecord } from './feedback-route.js';
import { findQueryLogEntry } from '../../monitor/index.js';

/** The cursor: the last entry's `at`, its `id`, and how many entries of that same `at` the pages already showed. */
const _cursor = {
  encode: (c: { at: number; id: string; n: number }) => Buffer.from(JSON.stringify([c.at, c.id, c.n])).toString('base64url'),
  decode: (raw: string): { at: number; id: string; n: number } => {
    try {
      const [at, id, n] = JSON.parse(Buffer.from(raw, 'base64url').toString()) as [number, string, number];
      if (Number.isSafeInteger(at) && typeof id === 'string' && Number.isSafeInteger(n) && n >= 1) return { at, id, n };
    } catch { /* reported below */ }
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'cursor is not one this server returned: pass nextCursor from the previous page unchanged.' });
  },
};
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
    const raw = c.req.query('cursor');
    const after = raw === undefined ? undefined : _cursor.decode(raw);
    const identity = c.get('identity');
    const principal = hasRole(identity.role, 'admin') ? undefined : identity.principal;
    // From the cursor's millisecond on (inclusive): the entries of that `at` already shown are dropped here.
    const rows = await s.store.listQueryLog({ tenant: identity.tenant, since, until: after ? after.at + 1 : undefined, limit: limit + 1 + (after?.n ?? 0), principal });
    const sameAt = after ? rows.findIndex((e) => e.at !== after.at) : 0;
    const group = after ? rows.slice(0, sameAt < 0 ? rows.length : sameAt) : [];
    const seen = after ? group.findIndex((e) => e.id === after.id) : -1;
    const drop = after ? (seen >= 0 ? seen + 1 : Math.min(after.n, group.length)) : 0;
    const page = rows.slice(drop, drop + limit);
    const last = page.at(-1);
    const nextCursor = last && rows.length > drop + limit
      ? _cursor.encode({ at: last.at, id: last.id, n: rows.slice(0, drop + limit).filter((e) => e.at === last.at).length })
      : null;
    return c.json({ entries: page.filter(_visible(identity)), nextCursor });
  });

  app.get('/v1/audit/:id', async (c) => {
    const identity = c.get('identity');
    const entry = await find(identity, c.req.param('id'));
    return c.json({ ...entry, feedback: (entry.feedback ?? []).map(toFeedbackRecord) });
  });
}
