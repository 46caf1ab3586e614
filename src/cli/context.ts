/**
 * What every command needs, resolved from flags, env and config: the IO, config, tenant and store.
 */
import { existsSync } from 'node:fs';
import type { Store } from '../spec/store.js';
import { FathomError } from '../util/errors.js';
import { loadConfig, resolvePath } from './config.js';
import type { FathomConfig } from './config.js';
import type { CliIO } from './io.js';
import { processIO } from './io.js';
import { knownTenants } from './known-tenants.js';
import { normalizeTenant } from './normalize-tenant.js';
import { isPostgresUrl, openStore } from './open-store.js';

export interface CommonFlags {
  json?: boolean;
  tenant?: string;
  store?: string;
  config?: string;
}

export interface CliContext {
  io: CliIO;
  config: FathomConfig;
  tenant: string;
  json: boolean;
  /** The SQLite store file; with a PostgreSQL store, where local artifacts (runs, caches) are kept beside. */
  storePath: string;
  /** The PostgreSQL store URL (`--store postgres://…`, FATHOM_STORE_URL or config `store.url`), when one is used. */
  storeUrl?: string;
}

export function cliContext(ctx: { args: unknown; data?: unknown }): CliContext {
  const io = (ctx.data as CliIO | undefined) ?? processIO();
  const flags = ctx.args as CommonFlags;
  const given = flags.tenant !== undefined ? normalizeTenant(String(flags.tenant), '--tenant')
    : io.env.FATHOM_TENANT !== undefined ? normalizeTenant(io.env.FATHOM_TENANT, 'FATHOM_TENANT') : undefined;
  const config = loadConfig({ cwd: io.cwd, path: flags.config });
  const tenant = given ?? config.tenant;
  const url = isPostgresUrl(flags.store) ? flags.store : flags.store ? undefined : isPostgresUrl(io.env.FATHOM_STORE_URL) ? io.env.FATHOM_STORE_URL : config.store.url;
  const storePath = flags.store && !url ? resolvePath({ ...config, root: io.cwd }, flags.store) : resolvePath(config, config.store.path);
  return { io, config, tenant, json: Boolean(flags.json), storePath, ...(url ? { storeUrl: url } : {}) };
}

/**
 * Open the store, run `fn`, always close. Only writing commands pass `create: true`: a read command never
 * creates a store (STORE_NOT_FOUND says how to make one) and warns when its tenant holds no documents (`needsDocuments`).
 */
export async function withStore<T>(c: CliContext, fn: (store: Store) => Promise<T>, { create = false, needsDocuments = !create }: { create?: boolean; needsDocuments?: boolean } = {}): Promise<T> {
  if (!create && !c.storeUrl && c.storePath !== ':memory:' && !existsSync(c.storePath)) {
    throw new FathomError({
      code: 'STORE_NOT_FOUND',
      message: `No fathom store at ${c.storePath}: nothing has been ingested here. Create one with \`fathom ingest <paths>\`, or point to an existing store with --store <file> (or config store.path).`,
      details: { path: c.storePath },
    });
  }
  const store = await openStore({ location: c.storeUrl ?? c.storePath, config: c.config });
  // One row, not a count: counting a tenant's documents scans an index of all of them (≈ 0.25 s at 100k chunks).
  if (needsDocuments && (await store.listDocuments({ tenant: c.tenant, limit: 1 })).length === 0) {
    const known = c.storeUrl ? [] : knownTenants(c.storePath).filter((t) => t !== c.tenant);
    c.io.err(`warning: tenant "${c.tenant}" has no documents in ${store.location}${known.length ? `; known tenants: ${known.join(', ')} (choose one with --tenant)` : ''}.\n`);
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
