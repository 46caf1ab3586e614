/**
 * A simulated production: a small knowledge base answered by the real pipeline (extractive answerer, lexical
 * citation verification, logged audit entries), then a stream of queries over simulated days drawn from those
 * answered entries (new ids and times, varied wording and latency). From `shiftDay` on, a share of the queries
 * is about a topic the knowledge base does not cover; the pricing document is stale from that day under a
 * 30-day freshness rule.
 */
import type { QueryLogEntry } from '../../spec/audit.js';
import type { Store } from '../../spec/store.js';
import { answer } from '../../generate/index.js';
import { createChunker, ingest } from '../../ingest/index.js';
import { createGptTokenizer } from '../../util/tokenizers/index.js';
import { mulberry32 } from '../../util/math/random.js';

export const DAY = 86_400_000;
export const start = Date.UTC(2026, 0, 1);

const docs = [
  ['pricing.md', '# Pricing\n\nThe Pro plan costs 49 dollars per month. The Team plan costs 99 dollars per month and includes ten seats. Annual billing saves two months.'],
  ['setup.md', '# Setup\n\nInstall the agent with the installer package. The agent needs port 8443 open to reach the gateway. Restart the agent after changing its configuration file.'],
  ['security.md', '# Security\n\nAll data is encrypted at rest with AES-256. Single sign-on supports SAML and OpenID Connect. Audit logs are kept for one year.'],
  ['support.md', '# Support\n\nSupport is available by email around the clock. Enterprise customers get a named support engineer and a four hour response time.'],
] as const;

const known = [
  'How much does the Pro plan cost?', 'What does the Team plan cost per month?', 'How many seats does the Team plan include?', 'What does annual billing save?',
  'Which port does the agent need?', 'How do I install the agent?', 'When should I restart the agent?', 'What does the agent reach through port 8443?',
  'How is data encrypted at rest?', 'Which single sign-on protocols are supported?', 'How long are audit logs kept?', 'Is SAML supported for sign-on?',
  'How can I reach support?', 'What response time do enterprise customers get?', 'Do enterprise customers get a named support engineer?', 'Is support available around the clock?',
];
const novel = [
  'How do I configure kubernetes autoscaling for workers?', 'Which helm chart values set the replica count?', 'How do I rotate kubernetes secrets automatically?',
  'Can the operator run on an arm64 node pool?', 'How do I enable horizontal pod autoscaling metrics?', 'What terraform module provisions the cluster?',
];

/** The knowledge base in `store` and one answered (logged) entry per question, known topics and the new one. */
export async function buildPool(store: Store, tenant: string): Promise<{ known: QueryLogEntry[]; novel: QueryLogEntry[] }> {
  const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 128 });
  await ingest({
    store, tenant, chunker,
    documents: docs.map(([id, text]) => ({ id, source: id, title: id, format: 'markdown' as const, text, metadata: { owner: 'docs-team' }, modifiedAt: id === 'pricing.md' ? start - 20 * DAY : start + 60 * DAY })),
  });
  const ask = async (question: string) => {
    const a = await answer({ store, tenant, question });
    return (await store.listQueryLog({ tenant, limit: 1 })).find((e) => e.id === a.logId)!;
  };
  const pool = { known: [] as QueryLogEntry[], novel: [] as QueryLogEntry[] };
  for (const q of known) pool.known.push(await ask(q));
  for (const q of novel) pool.novel.push(await ask(q));
  await store.purgeQueryLog!({ tenant, all: true });
  return pool;
}

export interface StreamOptions {
  days: number;
  perDay: number;
  /** From this day on, `shiftShare` of the queries are about the new topic. */
  shiftDay?: number;
  shiftShare?: number;
  seed: number;
}

/** Log a stream of queries over simulated days (`start` + day), drawn from the pool. */
export async function logStream(store: Store, tenant: string, pool: { known: QueryLogEntry[]; novel: QueryLogEntry[] }, o: StreamOptions): Promise<void> {
  const random = mulberry32(o.seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  let n = 0;
  for (let day = 0; day < o.days; day++) {
    for (let i = 0; i < o.perDay; i++) {
      const shifted = o.shiftDay !== undefined && day >= o.shiftDay && random() < (o.shiftShare ?? 0.4);
      const base = pick(shifted ? pool.novel : pool.known);
      // Users add their own words: a customer or ticket reference a third of the time (a steady trickle of unseen terms).
      const suffix = random() < 0.3 ? ` for customer c${Math.floor(random() * 100_000)}` : '';
      const latency = Math.exp(Math.log(800) + 0.35 * _gauss(random));
      await store.appendQueryLog({ ...base, tenant, id: `q_${o.seed}_${n++}`, at: start + day * DAY + Math.floor(random() * DAY), query: base.query + suffix, latencyMs: { ...base.latencyMs, total: latency } });
    }
  }
}

function _gauss(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
}
