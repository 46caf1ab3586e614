/**
 * API keys of the caller's tenant (admin only, as `fathom keys`): `GET /v1/keys` lists them without their
 * hashes, `POST /v1/keys` creates one (201; the secret is in this answer only), `POST /v1/keys/{id}/revoke`
 * revokes one. Keys of other tenants do not exist for the caller.
 */
import type { Hono } from 'hono';
import type { ApiKeyRecord, Role } from '../../spec/server.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../keys/index.js';
import { requireRole } from '../middleware/require-role.js';
import { apiKeyRequestSchema } from '../schemas/api-key-request-schema.js';
import { validateBody } from '../validate-body.js';
import { readJson } from './_read-json.js';

/** A key as the API shows it: everything but the hash. */
export type PublicApiKey = Omit<ApiKeyRecord, 'hash'>;
const _public = ({ hash: _hash, ...rest }: ApiKeyRecord): PublicApiKey => rest;

export function keysRoute(app: Hono<_Env>, s: _ServerContext): void {
  app.get('/v1/keys', requireRole('admin'), async (c) => c.json({ keys: (await listApiKeys({ store: s.store, tenant: c.get('identity').tenant })).map(_public) }));

  app.post('/v1/keys', requireRole('admin'), async (c) => {
    const body = validateBody<{ principal: string; role: Role; groups?: string[]; name?: string }>(apiKeyRequestSchema, await readJson(c));
    const { key, record } = await createApiKey({ store: s.store, tenant: c.get('identity').tenant, ...body, _internal: { now: s.now } });
    return c.json({ key, record: _public(record) }, 201);
  });

  app.post('/v1/keys/:id/revoke', requireRole('admin'), async (c) => {
    const id = c.req.param('id');
    const own = (await listApiKeys({ store: s.store, tenant: c.get('identity').tenant })).some((k) => k.id === id);
    if (!own) throw new FathomError({ code: 'NOT_FOUND', message: `No API key "${id}" in your tenant: list them with GET /v1/keys.`, details: { id } });
    return c.json({ record: _public(await revokeApiKey({ store: s.store, id, now: s.now })) });
  });
}
