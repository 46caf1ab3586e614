import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../../spec/store.js';
import { createSqliteStore } from '../../store/sqlite/index.js';
import { createMockChatModel } from '../../testing/index.js';
import { readGoldenSet } from '../golden/read-golden-set.js';
import { generateTestSet } from './generate-test-set.js';
import { applyReview } from './review-file.js';

const docs: Record<string, string> = {
  'pricing.md': 'Enterprise is sold on an annual contract only at $54 per seat per month with a minimum of 20 seats. Invoices are payable Net 30 by bank transfer and renew every year.',
  'sla.md': 'Business workspaces get a 99.9% monthly uptime commitment and Enterprise workspaces get 99.95%. Service credits are paid when the monthly uptime falls below the commitment.',
  'security.md': 'Backups are encrypted and kept for 35 days in a second region. Tallyo is not HIPAA compliant and does not sign business associate agreements with customers.',
};

let dir: string;
let store: Store;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fathom-testset-'));
  store = await createSqliteStore({ path: join(dir, 'kb.db') });
  await store.commit({ tenant: 't', writes: Object.entries(docs).map(([id, text]) => ({
    document: { id, source: id, title: id.toUpperCase(), text, format: 'markdown' as const, metadata: {} }, contentHash: id,
    chunks: [{ text, start: 0, end: text.length, headingPath: [], tokenCount: 30, role: 'leaf' as const }], at: 1,
  })) });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Scripted replies keyed on the prompt: grounded Q&A per passage, a look-alike, a two-document question, one duplicate. */
function scripted() {
  return createMockChatModel({
    reply: (call) => {
      const user = call.messages.at(-1)!.content;
      if (user.includes('PASSAGE 2')) return JSON.stringify({ question: 'Which plan costs $54 per seat and gets 99.95% uptime?', answer: 'Enterprise' });
      if (user.includes('does NOT answer')) return JSON.stringify({ question: 'What is the phone number of the Tallyo security team?' });
      if (user.includes('$54')) return JSON.stringify({ question: 'How much does Enterprise cost per seat?', answer: '$54 per seat per month' });
      if (user.includes('99.95%')) return JSON.stringify({ question: 'How much does Enterprise cost per seat?', answer: '99.95%' });
      return JSON.stringify({ question: 'How long are backups kept?', answer: 'for 90 days' });
    },
  });
}

describe('generateTestSet', () => {
  it('writes grounded, deduplicated single, look-alike and two-document items with a review file', async () => {
    const model = scripted();
    const out = join(dir, 'gen', 'golden.jsonl');
    const r = await generateTestSet({ store, tenant: 't', model, count: 3, unanswerable: 1, multiDoc: 1, seed: 1, minChunkChars: 50, out });
    // every call asked for structured output
    assert.ok(model.calls.every((c) => c.responseFormat?.type === 'json' && c.responseFormat.schema));
    const kinds = r.items.map((i) => i.tags![1]);
    assert.deepEqual(kinds.sort(), ['multi-doc', 'single', 'unanswerable']);
    const single = r.items.find((i) => i.tags![1] === 'single')!;
    // pricing and sla produce the same question; whichever comes first in the seeded order is kept
    const doc = single.answers[0] === '$54 per seat per month' ? 'pricing.md' : 'sla.md';
    assert.deepEqual(single.sources, [{ documentId: doc, start: 0, end: docs[doc]!.length }]);
    assert.equal(r.items.find((i) => i.tags![1] === 'unanswerable')!.answerable, false);
    assert.equal(r.items.find((i) => i.tags![1] === 'multi-doc')!.sources.length, 2);
    assert.ok(r.warnings.some((w) => w.type === 'duplicate-question'));
    assert.ok(r.warnings.some((w) => w.type === 'ungrounded-answer'), 'the "90 days" answer is not in its source');
    assert.equal((await readGoldenSet({ path: out })).items.length, 3);
    const review = readFileSync(join(dir, 'gen', 'golden.review.md'), 'utf8');
    assert.equal(review, r.review);
    assert.match(review, /- \[ \] keep\n\n\*\*Question:\*\* How much does Enterprise cost per seat\?/);
    assert.match(review, /\*\*Source SECURITY\.MD \(security\.md 0–\d+\):\*\*\n\n> Backups are encrypted/);
    const ticked = review.replace(/(## \d+\. (\S+) \(two-document\)\n\n)- \[ \] keep/, '$1- [x] keep');
    assert.deepEqual(applyReview({ items: r.items, review: ticked }).map((i) => i.tags![1]), ['multi-doc']);
  });

  it('samples reproducibly for a seed and explains an empty store', async () => {
    const a = await generateTestSet({ store, tenant: 't', model: scripted(), count: 1, unanswerable: 0, multiDoc: 0, seed: 5, minChunkChars: 50 });
    const b = await generateTestSet({ store, tenant: 't', model: scripted(), count: 1, unanswerable: 0, multiDoc: 0, seed: 5, minChunkChars: 50 });
    assert.deepEqual(a.items, b.items);
    await assert.rejects(generateTestSet({ store, tenant: 'empty', model: scripted() }), /no chunks .* ingest documents first/);
  });
});
