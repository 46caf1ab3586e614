import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadEvent } from '../../spec/loader.js';
import { createChunker } from '../chunkers/index.js';
import { createGptTokenizer } from '../../util/tokenizers/index.js';
import { loaderForPath } from './index.js';
import { ipynbLoader } from './ipynb-loader.js';

async function load(content: string): Promise<LoadEvent[]> {
  const events: LoadEvent[] = [];
  for await (const e of ipynbLoader.load({ path: '/tmp/n.ipynb', relativePath: 'n.ipynb', bytes: new TextEncoder().encode(content), options: {} })) events.push(e);
  return events;
}

const notebook = {
  metadata: { kernelspec: { language: 'python' }, language_info: { name: 'python' } },
  cells: [
    { cell_type: 'markdown', source: ['# Fitting a model\n', '\n', 'We fit a line to noisy data.'] },
    { cell_type: 'code', source: '# load the data\nimport numpy as np\nx = np.arange(10)', outputs: [{ output_type: 'stream', text: 'SECRET OUTPUT' }] },
    { cell_type: 'markdown', source: '## Results\n\nThe slope is close to two.' },
    { cell_type: 'code', source: '' },
  ],
};

test('ipynb: markdown cells kept, code cells fenced in the kernel language, outputs left out, title from the first heading', async () => {
  assert.equal(loaderForPath('a/analysis.IPYNB'), ipynbLoader);
  const [event] = await load(JSON.stringify(notebook));
  assert.equal(event?.type, 'document');
  if (event?.type !== 'document') return;
  const d = event.document;
  assert.equal(d.format, 'ipynb');
  assert.equal(d.title, 'Fitting a model');
  assert.match(d.text, /```python\n# load the data\nimport numpy as np\nx = np.arange\(10\)\n```/);
  assert.match(d.text, /^## Results$/m);
  assert.doesNotMatch(d.text, /SECRET OUTPUT/);
  const chunks = await createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 30 }).chunk({ text: d.text });
  assert.ok(chunks.every((c) => !c.headingPath.includes('load the data')), 'a code comment is never a heading');
});

test('ipynb: not JSON or no cells list → one skip with a reason, never a partial document', async () => {
  for (const bad of ['{"cells": [', '{"nbformat": 4}']) {
    const events = await load(bad);
    assert.equal(events.length, 1);
    assert.equal(events[0]?.type, 'skip');
    if (events[0]?.type === 'skip') assert.equal(events[0].skip.code, 'FILE_MALFORMED');
  }
});
