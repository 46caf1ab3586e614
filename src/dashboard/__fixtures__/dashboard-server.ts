/**
 * A real `fathom serve` stack on loopback for the dashboard's browser tests and bench: SQLite in a temp dir,
 * the structure chunker, a bag-of-words hashing embedder (so vector and hybrid search work offline), the
 * extractive answerer, a small knowledge base with one restricted document (and an older version of the
 * refunds page), two recorded fine-tuning jobs, keys for each role, a generative pipeline `drafter` (a scripted
 * chat model whose reply follows the prompt variant) and the prompt variants {@link PROMPTS}. `operations: true` adds tenant `ops`
 * (admin key `keys.ops`) with ten days of logged answers whose last two days drift to a topic the knowledge base
 * does not cover.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChunker, ingest } from '../../ingest/index.js';
import { createServer } from '../../server/index.js';
import { listen } from '../../server/__fixtures__/listen.js';
import { createApiKey } from '../../server/keys/create-api-key.js';
import { routeTable } from '../../server/schemas/route-table.js';
import type { LoadedDocument } from '../../spec/document.js';
import type { EmbeddingModel } from '../../spec/embedding-model.js';
import type { Store } from '../../spec/store.js';
import { createSqliteStore } from '../../store/sqlite/index.js';
import { saveTuneJob } from '../../tune/index.js';
import { driftingLog } from './drifting-log.js';
import { tuneJobs } from './tune-jobs.js';
import { createGptTokenizer } from '../../util/tokenizers/index.js';
import { createMockChatModel } from '../../testing/mock-chat-model.js';
import type { PromptVariant } from '../../spec/answer.js';

export const KB: Record<string, string> = {
  'kb/refunds.md': '# Refunds\n\nEnterprise customers get a full refund within thirty days of purchase. Refunds are paid to the original card.\n\n## Exceptions\n\nHardware orders are refunded only when the seal is unbroken.\n',
  'kb/pricing.md': '# Pricing\n\nThe Enterprise plan costs 54 dollars per seat per month. The Team plan costs 12 dollars per seat.\n',
  'kb/security.md': '# Security\n\nCustomer data is encrypted at rest with AES-256 and in transit with TLS 1.3.\n',
};
/** The refunds page before its current version (30 → thirty days, no exceptions section). */
export const REFUNDS_V1 = '# Refunds\n\nEnterprise customers get a full refund within 30 days of purchase. Refunds are paid to the original card.\n';
/** Readable by user:wendy only. */
export const RESTRICTED = { id: 'kb/merger.md', text: '# Merger\n\nThe confidential merger with Globex closes on the ninth of March.\n' };

/** The prompt variants the server offers; `drafter` quotes the refund sentence only under `quote`. */
export const PROMPTS: PromptVariant[] = [{ id: 'quote', instructions: 'Quote the sentence that answers, then cite it.' }, { id: 'terse', system: 'You answer in as few words as possible, using only the numbered sources.' }];
const _drafter = createMockChatModel({
  modelId: 'drafter',
  reply: (call) => (call.messages[0]!.content.includes(PROMPTS[0]!.instructions!) ? 'Enterprise customers get a full refund within thirty days of purchase [1].' : 'Thirty days [1].'),
});

/** The routes this server serves (features of the dashboard appear only when their route exists). */
export const serverRoutes: ReadonlyArray<{ method: string; path: string }> = routeTable;

const _DIM = 64;
/** Hashed bag of words, L2-normalised: cosine similarity tracks word overlap. */
export const bagOfWordsEmbedder: EmbeddingModel = {
  specificationVersion: 'v1', provider: 'test', modelId: 'bag-of-words', dimensions: _DIM, maxBatchSize: 256, supportsParallelCalls: true, normalized: true,
  async doEmbed({ values }) {
    return {
      embeddings: values.map((text) => {
        const v = new Float32Array(_DIM);
        for (const w of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) v[createHash('sha1').update(w).digest()[0]! % _DIM]! += 1;
        const norm = Math.hypot(...v) || 1;
        return v.map((x) => x / norm);
      }),
    };
  },
};

const _doc = (id: string, text: string, extra: Partial<LoadedDocument> = {}): LoadedDocument => ({ id, source: id, title: text.split('\n')[0]!.replace(/^#\s*/, ''), text, format: 'markdown', metadata: {}, ...extra });

export interface DashboardServer {
  url: string;
  store: Store;
  keys: { reader: string; writer: string; admin: string; big: string; ops: string };
  close: () => Promise<void>;
}

/** `bigTenant` documents go to tenant `big` (its admin key: `keys.big`). */
export async function startDashboardServer({ bigTenant = 0, operations = false }: { bigTenant?: number; operations?: boolean } = {}): Promise<DashboardServer> {
  const dir = mkdtempSync(join(tmpdir(), 'fathom-dashboard-'));
  const store = await createSqliteStore({ path: join(dir, 'fathom.db') });
  const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer({ encoding: 'o200k_base' }), maxTokens: 24, overlapTokens: 0 });
  const embedder = bagOfWordsEmbedder;
  await ingest({ store, tenant: 't1', chunker, embedder, collection: 'kb', documents: [_doc('kb/refunds.md', REFUNDS_V1)] });
  await ingest({ store, tenant: 't1', chunker, embedder, collection: 'kb', documents: [...Object.entries(KB).map(([id, text]) => _doc(id, text)), _doc(RESTRICTED.id, RESTRICTED.text, { acl: { principals: ['user:wendy'], groups: [] } })] });
  if (bigTenant > 0) {
    const docs = Array.from({ length: bigTenant }, (_, i) => _doc(`doc-${String(i).padStart(5, '0')}.md`, `# Note ${i}\n\nNote number ${i} of the archive.\n`));
    await ingest({ store, tenant: 'big', chunker, documents: docs, collection: 'archive', dedup: { near: false } });
  }
  for (const job of tuneJobs('t1')) await saveTuneJob({ store, tenant: 't1', job });
  if (operations) await driftingLog({ store, tenant: 'ops' });
  const key = async (tenant: string, principal: string, role: 'reader' | 'writer' | 'admin') => (await createApiKey({ store, tenant, principal, role })).key;
  const keys = { reader: await key('t1', 'user:rita', 'reader'), writer: await key('t1', 'user:wendy', 'writer'), admin: await key('t1', 'user:ada', 'admin'), big: await key('big', 'user:bo', 'admin'), ops: await key('ops', 'user:olga', 'admin') };
  const server = createServer({ store, chunker, embedder, search: { mode: 'hybrid' }, pipelines: { 'fathom-rag': { mode: 'bm25' }, strict: { mode: 'vector', topK: 2, abstentionThreshold: 0.99 }, drafter: { model: _drafter, mode: 'bm25', topK: 3 } }, prompts: PROMPTS, config: { rateLimit: false } });
  const http = await listen(server);
  return {
    url: http.url, store, keys,
    close: async () => {
      await http.close();
      await server.drain(1000);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
