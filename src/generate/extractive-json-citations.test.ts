import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../spec/store.js';
import { createChunker, ingest } from '../ingest/index.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { createGptTokenizer } from '../util/tokenizers/index.js';
import { answer } from './answer.js';

let dir: string;
let store: Store;
const tenant = 't';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fathom-json-cite-'));
  mkdirSync(join(dir, 'kb'));
  writeFileSync(join(dir, 'kb', 'pricing.md'), '# Pricing\n\n| Plan | Annual billing | Seats |\n| --- | --- | --- |\n| Team | $12 per seat per month | 1 or more |\n| Enterprise | $54 per seat per month | minimum 20 |\n');
  writeFileSync(join(dir, 'kb', 'refunds.md'), '# Refunds\n\nWithin the first 30 days an Enterprise customer may cancel for a full refund.\n');
  store = await createSqliteStore({ path: join(dir, 'f.db') });
  await ingest({ store, tenant, paths: ['kb'], cwd: dir, chunker: createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 256 }) });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('extractive answers with an output schema', () => {
  it('carry the [n] citation of the source their values came from, verified like a quoted answer', async () => {
    const schema = { type: 'object', properties: { plan: { type: 'string' }, pricePerSeatUsd: { type: 'number' }, minimumSeats: { type: 'integer' } }, required: ['plan', 'pricePerSeatUsd', 'minimumSeats'] };
    const a = await answer({ store, tenant, question: "Give the Enterprise plan's price per seat per month and minimum seats.", responseFormat: { type: 'json', schema, name: 'answer' }, log: false });
    assert.equal(a.abstained, false);
    assert.deepEqual(a.json, { plan: 'Enterprise', pricePerSeatUsd: 54, minimumSeats: 20 });
    const pricing = a.sources.find((s) => s.title === 'Pricing')!;
    assert.equal(a.text, `{"plan":"Enterprise","pricePerSeatUsd":54,"minimumSeats":20} [${pricing.n}]`);
    assert.deepEqual(a.citations.map((c) => [c.n, c.valid]), [[pricing.n, true]], 'one valid citation, to the pricing table only');
    assert.equal(a.warnings.some((w) => w.type === 'no-valid-citations'), false);
  });
});
