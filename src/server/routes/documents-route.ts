/**
 * Documents of the caller's tenant: list (cursor paging), show (versions and chunks), delete (writer; the
 * deletion receipt — every place the text was removed from — with the store's counts at the top level). Ids may contain slashes (`kb/pricing.md`); encode them or not.
 */
import type { Hono } from 'hono';
import type { MetadataFilter } from '../../spec/filter.js';
import { FathomError } from '../../util/errors.js';
import { forgetDocuments } from '../../ingest/index.js';
import type { _Env, _ServerContext } from '../_context.js';
import { requireRole } from '../middleware/require-role.js';
import { deleteDocumentsRequestSchema } from '../schemas/request-schemas.js';
import { validateBody } from '../validate-body.js';
import { readJson } from './_read-json.js';
import { readerOf } from '../reader-of.js';
import type { Identity } from '../../spec/server.js';

const _cursor = {
  encode: (id: string) => Buffer.from(id, 'utf8').toString('base64url'),
  decode: (c: string) => Buffer.from(c, 'base64url').toString('utf8'),
};

export function documentsRoute(app: Hono<_Env>, s: _ServerContext): void {
  app.get('/v1/documents', async (c) => {
    const limit = c.req.query('limit') === undefined ? 100 : Number(c.req.query('limit'));
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `limit must be an integer from 1 to 1000, got "${c.req.query('limit')}".` });
    let filter: MetadataFilter | undefined;
    const rawFilter = c.req.query('filter');
    if (rawFilter) {
      try {
        filter = JSON.parse(rawFilter) as MetadataFilter;
      } catch {
        throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'filter must be a JSON object, e.g. filter={"collection":"kb"} (URL-encoded).' });
      }
    }
    const cursor = c.req.query('cursor');
    const { tenant } = c.get('identity');
    const principal = readerOf(c.get('identity'));
    const page = await s.store.listDocuments({ tenant, principal, filter, limit: limit + 1, afterId: cursor ? _cursor.decode(cursor) : undefined });
    const documents = page.slice(0, limit);
    return c.json({ documents, nextCursor: page.length > limit ? _cursor.encode(documents[documents.length - 1]!.id) : null });
  });

  app.get('/v1/documents/:id{.+}', async (c) => {
    const id = decodeURIComponent(c.req.param('id'));
    const { tenant } = c.get('identity');
    const principal = readerOf(c.get('identity'));
    const document = await s.store.getDocument({ tenant, id, principal });
    if (!document) throw new FathomError({ code: 'DOCUMENT_NOT_FOUND', message: `No document "${id}" in your tenant: list ids with GET /v1/documents.`, details: { id } });
    const versions = await s.store.listVersions({ tenant, documentId: id, principal });
    const chunks = await s.store.listChunks({ tenant, documentId: id, principal });
    const withText = c.req.query('text') === 'true';
    const allText = c.req.query('text') === 'all'; // every version's text (the dashboard's version diff)
    return c.json({ document, versions: versions.map(({ text, ...v }) => (allText || (withText && v.status === 'current') ? { ...v, text } : v)), chunks });
  });

  // A document the caller may not read is, for the caller, a document that does not exist: it is not deleted.
  const remove = async (identity: Identity, ids: string[]) => {
    const principal = readerOf(identity);
    const readable: string[] = [];
    const hidden: string[] = [];
    for (const id of new Set(ids)) (await s.store.getDocument({ tenant: identity.tenant, id, principal }) ? readable : hidden).push(id);
    // forgetDocuments, not the bare store delete: the server's evaluation runs (meta rows) can quote the document too.
    const receipt = await forgetDocuments({ store: s.store, tenant: identity.tenant, ids: readable });
    return { ...receipt, ...receipt.counts, missing: [...receipt.missing, ...hidden] };
  };

  app.delete('/v1/documents/:id{.+}', requireRole('writer'), async (c) => {
    const id = decodeURIComponent(c.req.param('id'));
    const result = await remove(c.get('identity'), [id]);
    if (result.deleted.length === 0) throw new FathomError({ code: 'DOCUMENT_NOT_FOUND', message: `No document "${id}" in your tenant: nothing was deleted.`, details: { id } });
    return c.json(result);
  });

  app.post('/v1/documents/delete', requireRole('writer'), async (c) => {
    const body = validateBody<{ ids: string[] }>(deleteDocumentsRequestSchema, await readJson(c));
    return c.json(await remove(c.get('identity'), body.ids));
  });
}
