/**
 * A PGlite (WASM Postgres with pgvector) reached through the real `pg` wire protocol via
 * `@electric-sql/pglite-socket`, started from a cached data-directory snapshot: creating PGlite from scratch takes
 * 17–26 s on a loaded machine, from the snapshot 3–7 s. The snapshot is built once per pglite version and kept in
 * the OS temp dir. PGlite is one connection: clients must use one pooled connection (`maxConnections: 1`).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A running PGlite socket server. */
export interface PgliteServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  connectionString: string;
  stop(): Promise<void>;
}


const _version = (): string => {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@electric-sql/pglite'); // …/node_modules/@electric-sql/pglite/dist/index.cjs
  return (JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version;
};

/**
 * Start PGlite with pgvector (from the cached snapshot when present) and a socket server on a free loopback port.
 * `textsearch`: also load pg_textsearch (PGlite loads extensions at construction; the snapshot is the same — a store
 * in the pg_textsearch keyword mode runs CREATE EXTENSION itself).
 */
export async function startPglite(options: { textsearch?: boolean } = {}): Promise<PgliteServer> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const extensions: Record<string, typeof vector> = { vector };
  if (options.textsearch) extensions.pg_textsearch = (await import('@electric-sql/pglite-pg_textsearch')).pg_textsearch;
  const dir = join(tmpdir(), 'fathom-pglite-snapshots');
  const file = join(dir, `pglite-${_version()}-vector.tar.gz`);
  let db;
  if (existsSync(file)) {
    db = await PGlite.create({ loadDataDir: new Blob([readFileSync(file)]), extensions });
  } else {
    db = await PGlite.create({ extensions });
    await db.exec('CREATE EXTENSION IF NOT EXISTS vector');
    const dump = await db.dumpDataDir('gzip');
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, Buffer.from(await dump.arrayBuffer()));
    renameSync(temp, file); // atomic: a concurrent run never reads half a snapshot
  }
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 4 });
  await server.start();
  const address = server.getServerConn();
  return {
    connectionString: `postgres://postgres@${address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
