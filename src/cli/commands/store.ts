/** `fathom store migrate --from <sqlite file | postgres://…> --to <…>`: copy every tenant between stores, verified. */
import { existsSync } from 'node:fs';
import { defineCommand } from 'citty';
import type { Store } from '../../spec/store.js';
import { FathomError } from '../../util/errors.js';
import { commonArgs } from '../common-args.js';
import { resolvePath } from '../config.js';
import { cliContext } from '../context.js';
import { emit } from '../io.js';
import { isPostgresUrl, openStore } from '../open-store.js';
import { repeated } from '../repeated.js';
import { openSqlite } from '../../store/sqlite/open-sqlite.js';
import { assertDistinct, migrateStore } from './store-migrate.js';

/** Tenants and meta keys of a SQLite store file read directly (the contract's inventory methods are optional). */
function _sqliteInventory(path: string, sql: string, ...params: unknown[]): string[] {
  const db = openSqlite(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().all(...params) as string[];
  } finally {
    db.close();
  }
}

const migrate = defineCommand({
  meta: { name: 'migrate', description: 'Copy every tenant (documents with their version history, chunks, vectors, ACLs, audit log, meta) from one store to another; resumable, verified by counts and checksums' },
  args: {
    ...commonArgs,
    from: { type: 'string', description: 'Source: a SQLite store file or postgres://…', valueHint: 'store', required: true },
    to: { type: 'string', description: 'Target: a SQLite store file or postgres://… (created when missing)', valueHint: 'store', required: true },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const resolve = (s: string) => (isPostgresUrl(s) ? s : resolvePath({ ...c.config, root: c.io.cwd }, s));
    const from = resolve(String(ctx.args.from));
    const to = resolve(String(ctx.args.to));
    assertDistinct(from, to);
    if (!isPostgresUrl(from) && !existsSync(from)) throw new FathomError({ code: 'STORE_NOT_FOUND', message: `No fathom store at ${from}: check --from.`, details: { path: from } });
    const source: Store = await openStore({ location: from, config: c.config });
    let target: Store | undefined;
    try {
      target = await openStore({ location: to, config: c.config });
      const only = repeated(ctx.rawArgs, 'tenant');
      const tenants = only ?? (source.listTenants ? await source.listTenants() : _sqliteInventory(from, 'SELECT name FROM tenants ORDER BY name'));
      const metaKeys = (tenant: string) =>
        source.listMetaKeys ? source.listMetaKeys({ tenant }) : Promise.resolve(_sqliteInventory(from, 'SELECT m.key FROM meta m JOIN tenants t ON t.id = m.tenant_id WHERE t.name = ? ORDER BY m.key', tenant));
      const results = await migrateStore({ from: source, to: target, tenants, metaKeys, onProgress: (e) => c.json || c.io.err(`${e.tenant}: ${e.documents} documents\n`) });
      const ok = results.every((r) => r.verified);
      emit(c.io, c.json, { from: source.location, to: target.location, verified: ok, tenants: results }, () =>
        [
          `${source.location} → ${target!.location}`,
          ...results.map((r) => `${r.verified ? 'ok' : 'MISMATCH'}  ${r.tenant}: ${r.documents.copied} documents copied, ${r.documents.skipped} already there; ${r.versions} versions, ${r.chunks} chunks, ${r.vectors} vectors, ${r.queryLog} log entries, ${r.meta} meta values; counts ${JSON.stringify(r.counts.target)}; checksum ${r.checksum.target.slice(0, 16)}`),
          ok ? 'verified: counts and checksums equal on both sides' : 'NOT verified: re-run the command (it resumes) and compare the tenants marked MISMATCH',
        ].join('\n'),
      );
      return ok ? 0 : 1;
    } finally {
      await source.close();
      await target?.close();
    }
  },
});

export const storeCommand = defineCommand({
  meta: { name: 'store', description: 'Store administration: migrate between SQLite and PostgreSQL' },
  subCommands: { migrate },
});
