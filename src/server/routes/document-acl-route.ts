/**
 * `PUT /v1/documents/{id}/acl` (writer): replace who may read a document the caller may read. The body is an
 * access list `{ principals, groups }`, or `null` to open the document to the whole tenant (an empty list means
 * the same). A document the caller may not read does not exist for them: 404, nothing changes.
 */
import type { Hono } from 'hono';
import type { AccessList } from '../../spec/access.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { requireRole } from '../middleware/require-role.js';
import { readerOf } from '../reader-of.js';
import { documentAclRequestSchema } from '../schemas/request-schemas.js';
import { validateBody } from '../validate-body.js';
import { readJson } from './_read-json.js';

export function documentAclRoute(app: Hono<_Env>, s: _ServerContext): void {
  app.put('/v1/documents/:id{.+}/acl', requireRole('writer'), async (c) => {
    const id = decodeURIComponent(c.req.param('id'));
    const identity = c.get('identity');
    const body = validateBody<AccessList | null>(documentAclRequestSchema, await readJson(c));
    const notFound = () => new FathomError({ code: 'DOCUMENT_NOT_FOUND', message: `No document "${id}" in your tenant: list ids with GET /v1/documents.`, details: { id } });
    if (!(await s.store.getDocument({ tenant: identity.tenant, id, principal: readerOf(identity) }))) throw notFound();
    const acl = body && (body.principals.length > 0 || body.groups.length > 0) ? { principals: [...new Set(body.principals)], groups: [...new Set(body.groups)] } : undefined;
    if (!(await s.store.setDocumentAcl({ tenant: identity.tenant, id, acl }))) throw notFound();
    return c.json({ id, acl: acl ?? null });
  });
}
