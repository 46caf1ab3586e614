/**
 * The serve bench's multi-process row: the same server as N node:cluster workers on one port and one SQLite
 * store (what `fathom serve` behind a process manager, or several `fathom serve` processes, would be on a
 * multi-core machine). The primary creates the keys and forks; each worker opens the store and serves it with its
 * own instance id (its own jobs, rate-limit buckets and metrics registry). Run by bench/serve.ts as
 * `serve.ts --child-workers <n> <store path>`; prints `{ url, key, writerKey, pids }` once every worker listens.
 */
import cluster from 'node:cluster';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createChunker } from '../src/ingest/index.js';
import { createApiKey, createServer } from '../src/server/index.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import { createGptTokenizer } from '../src/util/tokenizers/index.js';

export async function serveWorkers({ workers, path, tenant }: { workers: number; path: string; tenant: string }): Promise<void> {
  if (cluster.isPrimary) {
    const store = await createSqliteStore({ path });
    const { key } = await createApiKey({ store, tenant, principal: 'user:bench', role: 'reader' });
    const { key: writerKey } = await createApiKey({ store, tenant, principal: 'user:bench-writer', role: 'writer' });
    await store.close();
    const ports = await Promise.all(Array.from({ length: workers }, () => new Promise<number>((resolve, reject) => {
      const w = cluster.fork();
      w.once('message', (m: { port: number }) => resolve(m.port));
      w.once('exit', (code) => reject(new Error(`bench worker exited ${code}`)));
    })));
    if (new Set(ports).size !== 1) throw new Error(`workers listen on different ports: ${ports.join(', ')}`);
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${ports[0]}`, key, writerKey, pids: Object.values(cluster.workers ?? {}).map((w) => w!.process.pid) })}\n`);
    process.on('SIGTERM', () => {
      for (const w of Object.values(cluster.workers ?? {})) w!.process.kill('SIGTERM');
      cluster.disconnect(() => process.exit(0));
    });
    return;
  }
  const store = await createSqliteStore({ path });
  const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer({ encoding: 'o200k_base' }), maxTokens: 256, overlapTokens: 0 });
  const server = createServer({ store, chunker, config: { rateLimit: false, instanceId: `bench-worker-${cluster.worker!.id}` } });
  // Port 0 in every worker: the cluster primary holds one listening socket for that key and hands connections out.
  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  process.send!({ port: (http.address() as AddressInfo).port });
  process.on('SIGTERM', async () => {
    http.close();
    await server.drain(2000);
    await store.close();
    process.exit(0);
  });
}
