/**
 * What every command needs, resolved from flags, env and config: the IO, config, tenant and store.
 */
import type { Store } from '../spec/store.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { loadConfig, resolvePath } from './config.js';
import type { FathomConfig } from './config.js';
import type { CliIO } from './io.js';
import { processIO } from './io.js';

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
  storePath: string;
}

export function cliContext(ctx: { args: unknown; data?: unknown }): CliContext {
  const io = (ctx.data as CliIO | undefined) ?? processIO();
  const flags = ctx.args as CommonFlags;
  const config = loadConfig({ cwd: io.cwd, path: flags.config });
  const tenant = flags.tenant ?? io.env.FATHOM_TENANT ?? config.tenant;
  const storePath = flags.store ? resolvePath({ ...config, root: io.cwd }, flags.store) : resolvePath(config, config.store.path);
  return { io, config, tenant, json: Boolean(flags.json), storePath };
}

/** Open the store, run `fn`, always close. */
export async function withStore<T>(c: CliContext, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await createSqliteStore({ path: c.storePath, vectorIndex: c.config.store.vectorIndex });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
