/**
 * A real SQLite store in a temp dir with a small knowledge base in two tenants, and keys for every role.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChunker, ingest } from '../../ingest/index.js';
import type { LoadedDocument } from '../../spec/document.js';
import type { Store } from '../../spec/store.js';
import { createSqliteStore } from '../../store/sqlite/index.js';
import { createGptTokenizer } from '../../util/tokenizers/index.js';
import { createServer, type CreateServerOptions, type FathomServer } from '../create-server.js';
import { createApiKey } from '../keys/create-api-key.js';

export const KB: Record<string, string> = {
  'refunds.md': '# Refunds\n\nEnterprise customers get a full refund within thirty days of purchase. Refunds are paid to the original card.\n',
  'pricing.md': '# Pricing\n\nThe Enterprise plan costs 54 dollars per seat per month. The Team plan costs 12 dollars per seat.\n',
  'security.md': '# Security\n\nCustomer data is encrypted at rest with AES-256 and in transit with TLS 1.3.\n',
};

const doc = (id: string, text: string): LoadedDocument => ({ id, source: id, title: text.split('\n')[0]!.replace(/^#\s*/, ''), text, format: 'markdown', metadata: {} });

export interface TestServer {
  dir: string;
  store: Store;
  server: FathomServer;
  keys: { reader: string; writer: string; admin: string; other: string; readerId: string };
  chunker: ReturnType<typeof createChunker>;
  req: (path: string, init?: RequestInit & { key?: string | null; json?: unknown }) => Promise<Response>;
  close: () => Promise<void>;
}

export async function startTestServer(options: Partial<CreateServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'fathom-server-'));
  const store = await createSqliteStore({ path: join(dir, 'fathom.db') });
  const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer({ encoding: 'o200k_base' }), maxTokens: 256, overlapTokens: 0 });
  await ingest({ store, tenant: 't1', chunker, documents: Object.entries(KB).map(([id, text]) => doc(id, text)) });
  await ingest({ store, tenant: 't2', chunker, documents: [doc('t2-only.md', '# Other tenant\n\nThe secret launch code of tenant two is swordfish.\n')] });
  const key = async (tenant: string, principal: string, role: 'reader' | 'writer' | 'admin') => createApiKey({ store, tenant, principal, role, groups: ['g1'] });
  const reader = await key('t1', 'user:alice', 'reader');
  const keys = { reader: reader.key, readerId: reader.record.id, writer: (await key('t1', 'user:wendy', 'writer')).key, admin: (await key('t1', 'user:ada', 'admin')).key, other: (await key('t2', 'user:bob', 'admin')).key };
  // Rate limits off unless a test sets them: the default bucket (burst 60) is a per-key budget that a whole test
  // file's requests under one key can exhaust when they run fast, which made route tests fail by timing.
  const server = createServer({ store, chunker, ...options, config: { rateLimit: false, ...options.config } });
  const req: TestServer['req'] = async (path, init = {}) => {
    const { key: k = keys.reader, json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (k) headers.set('authorization', `Bearer ${k}`);
    if (json !== undefined) headers.set('content-type', 'application/json');
    return server.app.request(path, { ...rest, headers, ...(json !== undefined ? { method: rest.method ?? 'POST', body: JSON.stringify(json) } : {}) });
  };
  return {
    dir, store, server, keys, chunker, req,
    close: async () => {
      await server.drain(1000);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
