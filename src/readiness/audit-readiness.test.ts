import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QueryLogEntry } from '../spec/audit.js';
import type { LoadedDocument } from '../spec/document.js';
import type { Store } from '../spec/store.js';
import { createChunker, ingest } from '../ingest/index.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { createGptTokenizer } from '../util/tokenizers/index.js';
import { auditReadiness } from './audit-readiness.js';
import { findConflicts } from './find-conflicts.js';

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 5);
const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 128 });
const doc = (id: string, text: string, o: Partial<LoadedDocument> = {}): LoadedDocument => ({ id, source: id, title: id, format: 'markdown', text, metadata: { owner: 'docs-team' }, modifiedAt: now - 10 * DAY, ...o });
const clean = [
  doc('pricing.md', '# Pricing\n\nThe Pro plan costs 49 dollars per month. The Team plan costs 99 dollars per month and includes ten seats.'),
  doc('setup.md', '# Setup\n\nInstall the agent with the installer package. The agent needs port 8443 open to reach the gateway.'),
  doc('security.md', '# Security\n\nAll data is encrypted at rest with AES-256. Audit logs are kept for one year by the platform.'),
];
const asked = (tenant: string, ids: string[]): QueryLogEntry => ({ tenant, id: `q-${ids.join('-')}`, at: now - DAY, kind: 'ask', query: 'q', answer: 'a', retrieved: ids.map((documentId) => ({ chunkId: `${documentId}#0`, documentId, score: 1, stages: {} })), latencyMs: { total: 1 } });

async function corpus(docs: LoadedDocument[], retrieved: string[]): Promise<Store> {
  const store = await createSqliteStore({ path: ':memory:' });
  await ingest({ store, tenant: 't', chunker, documents: docs });
  await store.appendQueryLog(asked('t', retrieved));
  return store;
}

describe('fathom audit (data readiness)', () => {
  it('finds nothing on a clean corpus', async () => {
    const store = await corpus(clean, clean.map((d) => d.id));
    const r = await auditReadiness({ store, tenant: 't', _internal: { now: () => now } });
    assert.deepEqual(r.findings, []);
    assert.equal(r.documents, 3);
    await store.close();
  });

  it('finds each planted problem: stale, duplicates, two conflicting prices, no owner, never retrieved', async () => {
    const planted = [
      ...clean,
      doc('old-faq.md', '# Old FAQ\n\nThe legacy dashboard shows usage graphs for each workspace and project.', { modifiedAt: now - 900 * DAY }),
      doc('pricing-copy.md', clean[0]!.text),
      doc('pricing-2025.md', '# Pricing 2025\n\nThe Pro plan costs 59 dollars per month for every workspace.'),
      doc('orphan.md', '# Orphan\n\nThe webhook retries failed deliveries five times with backoff.', { metadata: {} }),
    ];
    const store = await corpus(planted, ['pricing.md', 'setup.md', 'security.md', 'old-faq.md', 'pricing-copy.md', 'pricing-2025.md']);
    const r = await auditReadiness({ store, tenant: 't', _internal: { now: () => now } });
    const of = (type: string) => r.findings.filter((f) => f.type === type).map((f) => f.documents.join(' + '));
    assert.deepEqual(of('stale'), ['old-faq.md']);
    assert.deepEqual(of('near-duplicate').concat(of('duplicate')).map((d) => d.split(' + ').sort().join(' + ')), ['pricing-copy.md + pricing.md']);
    const conflict = r.findings.find((f) => f.type === 'conflict' && f.documents.includes('pricing-2025.md'));
    assert.ok(conflict, JSON.stringify(r.findings.filter((f) => f.type === 'conflict')));
    assert.match(conflict.message, /pro plan cost.*49 in pricing.*59 in pricing-2025\.md|59 in pricing-2025\.md.*49 in pricing/);
    assert.deepEqual(of('no-owner'), ['orphan.md']);
    assert.deepEqual(of('never-retrieved'), ['orphan.md']);
    await store.close();
  });

  it('finds near duplicates (one word changed in a long document) and not distinct documents', async () => {
    const body = Array.from({ length: 12 }, (_, i) => `Step ${i + 1} of the onboarding guide explains how the workspace administrator configures section ${i + 1} carefully.`).join(' ');
    const store = await corpus([doc('guide.md', `# Guide\n\n${body}`), doc('guide-old.md', `# Guide\n\n${body.replace('carefully', 'quickly')}`), ...clean], ['guide.md', 'guide-old.md', ...clean.map((d) => d.id)]);
    const r = await auditReadiness({ store, tenant: 't', _internal: { now: () => now } });
    assert.deepEqual(r.findings.map((f) => [f.type, [...f.documents].sort().join(' + ')]), [['near-duplicate', 'guide-old.md + guide.md']]);
    await store.close();
  });

  it('conflicts need two documents and the same entity, verb and unit', () => {
    assert.deepEqual(findConflicts([{ documentId: 'a', text: 'The Pro plan costs 49 dollars. The Pro plan costs 59 dollars.' }]), [], 'one document is a version question, not a conflict');
    assert.deepEqual(findConflicts([{ documentId: 'a', text: 'The Pro plan costs 49 dollars.' }, { documentId: 'b', text: 'The Team plan costs 99 dollars.' }]), []);
    assert.equal(findConflicts([{ documentId: 'a', text: 'The contract ends on 2026-03-01.' }, { documentId: 'b', text: 'The contract ends on 2026-06-30.' }]).length, 1);
  });
});
