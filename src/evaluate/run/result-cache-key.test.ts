import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { GoldenItem } from '../../spec/evaluation.js';
import { ANSWERER_REVISION } from '../../util/answerer-revision.js';
import { fakeAnswer } from '../__fixtures__/answers.js';
import { evaluate, type EvalPipeline } from './evaluate.js';

const items: GoldenItem[] = [{ id: 'price', question: 'How much is Enterprise per seat?', answers: ['$54'], sources: [], answerable: true }];
const dir = mkdtempSync(join(tmpdir(), 'fathom-eval-key-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('evaluation result cache key: the answering code', () => {
  it('misses the cache when ANSWERER_REVISION or the fathom version changes, and hits it otherwise', async () => {
    const cacheDir = join(dir, 'cache');
    let calls = 0;
    const pipeline: EvalPipeline = { answer: async () => (calls++, fakeAnswer({ text: '$54' })) };
    const run = (answererRevision: string, fathom: string) =>
      evaluate({ items, pipeline, modes: ['rag'], cacheDir, config: { answerer: 'extractive' }, versions: { fathom }, _internal: { answererRevision } });
    const first = await run('r1', '1.0.0');
    assert.equal(first.versions.answererRevision, 'r1');
    await run('r1', '1.0.0');
    assert.equal(calls, 1, 'same code: the cached answer is reused');
    const bumped = await run('r2', '1.0.0');
    assert.equal(calls, 2, 'a bumped revision answers again');
    assert.notEqual(bumped.configHash, first.configHash);
    await run('r2', '1.1.0');
    assert.equal(calls, 3, 'an upgraded fathom answers again');
  });

  it('keys by ANSWERER_REVISION by default and records it', async () => {
    const run = await evaluate({ items, pipeline: { answer: async () => fakeAnswer({ text: '$54' }) }, modes: ['rag'] });
    assert.equal(run.versions.answererRevision, ANSWERER_REVISION);
  });
});
