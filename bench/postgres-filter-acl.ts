/**
 * BM25 with a metadata filter and an access principal on the synthetic corpus (bench/postgres-synthetic.ts) at N
 * chunks, PostgreSQL vs SQLite: p50/p95 of plain BM25 and of BM25 + filter + ACL, and whether every hit list (ids and
 * scores) equals SQLite's. Both stores are built once and reused across runs (the point is to iterate on the SQL):
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:54355/postgres BENCH_SQLITE_PATH=/tmp/pg5/s100k.db \
 *   BENCH_N=100000 node --import tsx bench/postgres-filter-acl.ts
 * Without BENCH_PG_URL a PostgreSQL 15 is started (and the store built) for the run. Prints JSON; writes nothing.
 * Variants: filter team=red (1 document in 4) with an open principal (no ACL rows: every document readable), and an
 * ACL tenant where 1 document in 20 grants group `eng` (the others are closed to the principal).
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { KeywordSearchOptions, Store } from '../src/spec/store.js';
import { createPostgresStore } from '../src/store/postgres/index.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import { startPostgresServer } from '../src/testing/postgres/start-postgres-server.js';
import { syntheticDocs, syntheticQueries } from './postgres-synthetic.js';

const n = Number(process.env.BENCH_N ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const server = process.env.BENCH_PG_URL ? undefined : await startPostgresServer();
const url = process.env.BENCH_PG_URL ?? server!.connectionString;
const sqlitePath = process.env.BENCH_SQLITE_PATH ?? ':memory:';
const sqliteBuilt = sqlitePath !== ':memory:' && existsSync(sqlitePath);

const pg = await createPostgresStore({ connectionString: url, schema: process.env.BENCH_PG_SCHEMA ?? `filter_acl_${n}` });
const sqlite = await createSqliteStore({ path: sqlitePath });
const docs = syntheticDocs(n).map(({ vectors: _v, embeddingModel: _m, ...w }) => w);
// The ACL tenant: the same documents, 1 in 20 readable by group eng, the others by another principal only.
const aclDocs = docs.map((w, d) => ({ ...w, acl: d % 20 === 0 ? { principals: [], groups: ['eng'] } : { principals: ['user:owner'], groups: [] } }));
async function build(store: Store, name: string): Promise<void> {
  const t = performance.now();
  for (const [tenant, writes] of [['bench', docs], ['acl', aclDocs]] as const) {
    for (let i = 0; i < writes.length; i += 250) await store.commit({ tenant, writes: writes.slice(i, i + 250) });
  }
  await store.compact();
  console.error(`${name}: built in ${Math.round((performance.now() - t) / 1000)} s`);
}
if ((await pg.listTenants()).length < 2) await build(pg, 'postgres');
if (!sqliteBuilt) await build(sqlite, 'sqlite');

const principal = { id: 'user:x', groups: ['eng'] };
const variants: Record<string, (q: string) => KeywordSearchOptions> = {
  bm25: (query) => ({ tenant: 'bench', query, topK: 10 }),
  bm25FilterAcl: (query) => ({ tenant: 'bench', query, topK: 10, filter: { team: 'red' }, principal }),
  bm25AclSelective: (query) => ({ tenant: 'acl', query, topK: 10, principal }),
  bm25FilterAclSelective: (query) => ({ tenant: 'acl', query, topK: 10, filter: { team: 'red' }, principal }),
};
const out: Record<string, unknown> = { chunks: n, queries: syntheticQueries.length * rounds, loadavgStart: loadavg().map((x) => round(x, 1)) };
for (const [name, make] of Object.entries(variants)) {
  const lat: Record<string, number[]> = { postgres: [], sqlite: [] };
  let same = 0;
  for (let r = 0; r < rounds; r++) {
    for (const q of syntheticQueries) {
      let t = performance.now();
      const a = await pg.searchKeyword(make(q));
      lat.postgres!.push(performance.now() - t);
      t = performance.now();
      const b = await sqlite.searchKeyword(make(q));
      lat.sqlite!.push(performance.now() - t);
      const key = (hs: typeof a) => JSON.stringify(hs.map((h) => [h.document.id, h.chunk.ordinal, h.score])); // chunk ids embed random version ids
      if (key(a) === key(b)) same++;
    }
  }
  out[name] = { ...Object.fromEntries(Object.entries(lat).map(([k, xs]) => [k, { p50Ms: round(pct(xs, 50)), p95Ms: round(pct(xs, 95)) }])), identicalToSqlite: `${same}/${syntheticQueries.length * rounds}` };
  console.error(name, JSON.stringify(out[name]));
}
out.loadavgEnd = loadavg().map((x) => round(x, 1));
await pg.close();
await sqlite.close();
await server?.stop();
console.log(JSON.stringify(out, null, 2));
