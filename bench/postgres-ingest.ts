/**
 * Ingest throughput on a real PostgreSQL 15 (keyword-only, started by the bench): N documents of 5 chunks each,
 * committed 250 documents per call. Prints chunks/s; merges `ingestPg15` into bench/results/postgres.json under
 * the label BENCH_LABEL (e.g. before/after a change). Bounded: N=1000 by default (BENCH_INGEST_DOCS). BENCH_BULK=0:
 * the per-write commit path (A/B of the set-based commit).
 * Run: node --import tsx bench/postgres-ingest.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPostgresStore } from '../src/store/postgres/index.js';
import { postgresServerUnavailable, startPostgresServer } from '../src/testing/postgres/start-postgres-server.js';
import { makeWrite } from '../src/testing/store/fixtures.js';

const here = dirname(fileURLToPath(import.meta.url));
const n = Number(process.env.BENCH_INGEST_DOCS ?? 1000);
const label = process.env.BENCH_LABEL ?? 'current';
const unavailable = postgresServerUnavailable();
if (unavailable) {
  console.log(`skipped: ${unavailable}`);
  process.exit(0);
}
const words = ['otter', 'river', 'stone', 'fish', 'night', 'swim', 'den', 'pup', 'water', 'bank', 'reed', 'moss'];
const para = (i: number, j: number) => Array.from({ length: 40 }, (_, w) => words[(i * 7 + j * 3 + w * 5) % words.length]).join(' ') + ` doc${i}`;
const writes = Array.from({ length: n }, (_, i) => makeWrite({ id: `d${i}`, paragraphs: [0, 1, 2, 3, 4].map((j) => para(i, j)) }));
const server = await startPostgresServer();
const store = await createPostgresStore({ connectionString: server.connectionString, schema: `ingest_${Date.now()}`, bulkCommit: process.env.BENCH_BULK !== '0' });
const t0 = performance.now();
for (let i = 0; i < writes.length; i += 250) await store.commit({ tenant: 'bench', writes: writes.slice(i, i + 250) });
const sec = (performance.now() - t0) / 1000;
await store.close();
await server.stop();
const out = { documents: n, chunks: n * 5, chunksPerSec: Math.round((n * 5) / sec), seconds: Math.round(sec * 10) / 10 };
const file = join(here, 'results', 'postgres.json');
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>) : {};
writeFileSync(file, `${JSON.stringify({ ...previous, ingestPg15: { ...previous.ingestPg15, [label]: out } }, null, 2)}\n`);
console.log(label, JSON.stringify(out));
