/**
 * `fathom keys create|list|revoke`: API keys of `fathom serve`. A key is shown once, at creation; the store
 * keeps only its SHA-256. Keys live in the store file the server uses (`--store`).
 */
import { defineCommand } from 'citty';
import { ROLES, createApiKey, listApiKeys, revokeApiKey } from '../../server/index.js';
import type { ApiKeyRecord, Role } from '../../spec/server.js';
import { FathomError } from '../../util/errors.js';
import { commonArgs } from '../common-args.js';
import { cliContext, withStore } from '../context.js';
import { emit } from '../io.js';

const _public = ({ hash: _h, ...r }: ApiKeyRecord) => r;
const _line = (k: ApiKeyRecord) => `${k.id}  ${k.prefix}…  tenant ${k.tenant}  ${k.principal}  ${k.role}${k.groups.length ? `  groups ${k.groups.join(',')}` : ''}  created ${new Date(k.createdAt).toISOString()}${k.revokedAt ? `  REVOKED ${new Date(k.revokedAt).toISOString()}` : ''}${k.name ? `  "${k.name}"` : ''}`;

const create = defineCommand({
  meta: { name: 'create', description: 'Create an API key (printed once; only its hash is stored)' },
  args: {
    ...commonArgs,
    principal: { type: 'string', description: 'Who the key acts as, e.g. user:alice or service:bot', valueHint: 'id', required: true },
    groups: { type: 'string', description: 'Comma-separated groups, e.g. support,eu', valueHint: 'g1,g2' },
    role: { type: 'string', schema: { enum: ['reader', 'writer', 'admin'] }, description: 'reader (search, ask, read) | writer (+ ingest, delete) | admin (+ keys, server paths, whole audit log)', valueHint: 'role', default: 'reader' },
    name: { type: 'string', description: 'A label for listings', valueHint: 'text' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const role = String(ctx.args.role) as Role;
    if (!ROLES.includes(role)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--role must be reader, writer or admin, got "${role}".` });
    const groups = ctx.args.groups ? String(ctx.args.groups).split(',').map((g) => g.trim()).filter(Boolean) : [];
    const { key, record } = await withStore(c, (store) => createApiKey({ store, tenant: c.tenant, principal: String(ctx.args.principal), groups, role, name: ctx.args.name as string | undefined }), { create: true });
    emit(c.io, c.json, { key, ...(_public(record)) }, () => `${key}\n\nCreated ${record.id} (${record.role}, tenant ${record.tenant}, ${record.principal}). This key is shown once: store it now.\nUse it as: Authorization: Bearer ${record.prefix}…`);
    return 0;
  },
});

const list = defineCommand({
  meta: { name: 'list', description: 'List API keys (ids, prefixes, owners; never the secrets)' },
  args: { ...commonArgs },
  async run(ctx) {
    const c = cliContext(ctx);
    const keys = await withStore(c, (store) => listApiKeys({ store, tenant: ctx.args.tenant as string | undefined }), { needsDocuments: false });
    emit(c.io, c.json, { keys: keys.map(_public) }, () => (keys.length ? keys.map(_line).join('\n') : 'No API keys: create one with `fathom keys create --principal user:alice --role reader`.'));
    return 0;
  },
});

const revoke = defineCommand({
  meta: { name: 'revoke', description: 'Revoke an API key by id; running servers refuse it within server.apiKeyCacheMs (default 1 s)' },
  args: { ...commonArgs, id: { type: 'positional', description: 'Key id (key_…, from `fathom keys list`)', required: true } },
  async run(ctx) {
    const c = cliContext(ctx);
    const record = await withStore(c, (store) => revokeApiKey({ store, id: String(ctx.args.id) }), { needsDocuments: false });
    emit(c.io, c.json, _public(record), () => `Revoked ${record.id} (${record.principal}, tenant ${record.tenant}).`);
    return 0;
  },
});

export const keysCommand = defineCommand({
  meta: { name: 'keys', description: 'API keys of `fathom serve`: create, list, revoke' },
  subCommands: { create, list, revoke },
});
