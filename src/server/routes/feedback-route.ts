/**
 * `POST /v1/audit/{id}/feedback`: feedback stored with its audit entry (`Store.annotateQueryLog`), so deleting a
 * document or purging the log erases its text with the entry. A store without that method refuses feedback
 * (INVALID_CONFIG) rather than keep it where deletion cannot reach. A caller may give feedback only on entries
 * they can see (their own; an admin's on all).
 */
import type { Hono } from 'hono';
import type { QueryFeedback } from '../../spec/monitor.js';
import type { FeedbackRecord, FeedbackRequest } from '../../spec/server.js';
import { addFeedback } from '../../monitor/add-feedback.js';
import { findQueryLogEntry } from '../../monitor/find-query-log-entry.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { hasRole } from '../middleware/require-role.js';
import { feedbackRequestSchema } from '../schemas/request-schemas.js';
import { validateBody } from '../validate-body.js';
import { readJson } from './_read-json.js';

/** A stored feedback in the API's shape. */
export const toFeedbackRecord = (f: QueryFeedback): FeedbackRecord => ({
  ...(f.rating ? { rating: f.rating } : {}), ...(f.correction ? { correction: f.correction } : {}), ...(f.note ? { comment: f.note } : {}), principal: f.by ?? '', at: f.at,
});

export function feedbackRoute(app: Hono<_Env>, s: _ServerContext): void {
  app.post('/v1/audit/:id/feedback', async (c) => {
    if (!s.store.annotateQueryLog) throw new FathomError({ code: 'INVALID_CONFIG', message: `The ${s.store.provider} store cannot keep feedback with audit entries (it has no annotateQueryLog): use a store backend that does (sqlite, postgres).` });
    const body = validateBody<FeedbackRequest>(feedbackRequestSchema, await readJson(c));
    const identity = c.get('identity');
    const id = c.req.param('id');
    const entry = await findQueryLogEntry(s.store, identity.tenant, id);
    const visible = entry && (hasRole(identity.role, 'admin') || (entry.metadata as { principal?: string } | undefined)?.principal === identity.principal);
    if (!visible) throw new FathomError({ code: 'NOT_FOUND', message: `No audit entry "${id}" visible to you: list yours with GET /v1/audit.`, details: { id } });
    const updated = await addFeedback({
      store: s.store, tenant: identity.tenant, id,
      feedback: { ...(body.rating ? { rating: body.rating } : {}), ...(body.correction !== undefined ? { correction: body.correction } : {}), ...(body.comment !== undefined ? { note: body.comment } : {}), by: identity.principal },
      _internal: { now: s.now },
    });
    return c.json({ logId: id, feedback: (updated.feedback ?? []).map(toFeedbackRecord) }, 201);
  });
}
