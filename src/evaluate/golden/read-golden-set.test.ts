import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { FathomError } from '../../util/errors.js';
import { parseGoldenSet, readGoldenSet } from './read-golden-set.js';
import { writeGoldenSet } from './write-golden-set.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-golden-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('readGoldenSet', () => {
  it('reads the example golden set with defaults and a hash', async () => {
    const set = await readGoldenSet({ path: new URL('../../../examples/golden.jsonl', import.meta.url).pathname });
    assert.equal(set.items.length, 20);
    assert.equal(set.items.filter((i) => !i.answerable).length, 4);
    assert.equal(set.items.filter((i) => i.outputSchema || i.constraints).length, 2);
    assert.match(set.sha256, /^[0-9a-f]{64}$/);
  });

  it('applies defaults and round-trips through writeGoldenSet', async () => {
    const items = parseGoldenSet({ text: '{"id":"a","question":"Q?"}\n\n{"id":"b","question":"R?","answerable":false}\n' });
    assert.deepEqual(items[0], { id: 'a', question: 'Q?', answers: [], sources: [], answerable: true });
    const path = join(dir, 'out', 'g.jsonl');
    await writeGoldenSet({ path, items });
    assert.deepEqual((await readGoldenSet({ path })).items, items);
  });

  it('collects every invalid line with its line number before throwing INVALID_DATASET', () => {
    const text = [
      '{"id":"ok","question":"fine?"}',
      'not json',
      '{"question":"no id"}',
      '{"id":"c","question":"x","constraints":[{"type":"max-length","chars":"ten"}]}',
      '{"id":"d","question":"x","constraints":[{"type":"shout"}]}',
      '{"id":"e","question":"x","sources":[{"documentId":"a","start":9,"end":3}],"constraints":[{"type":"regex","pattern":"("}]}',
      '{"id":"ok","question":"again"}',
      '{"id":"f","question":"x","answerable":false,"answers":["y"]}',
      '{"id":"g","question":"x","sources":[{"doc":"a"}]}',
    ].join('\n');
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, text);
    assert.throws(() => parseGoldenSet({ text, source: file }), (e: FathomError) => {
      assert.equal(e.code, 'INVALID_DATASET');
      const lines = (e.details.errors as Array<{ line: number; message: string }>).map((x) => `${x.line}: ${x.message}`);
      assert.match(lines.join('\n'), /^2: not JSON/m);
      assert.match(lines.join('\n'), /^3: \$: missing required property "id"/m);
      assert.match(lines.join('\n'), /^4: \$\.constraints\[0\]\.chars: .*integer/m);
      assert.match(lines.join('\n'), /^5: \$\.constraints\[0\]\.type: must be one of/m);
      assert.match(lines.join('\n'), /^6: \$\.sources\[0\]: span start \(9\) must be before end \(3\)/m);
      assert.match(lines.join('\n'), /^6: \$\.constraints\[0\]: invalid regex/m);
      assert.match(lines.join('\n'), /^7: duplicate id "ok" \(first on line 1\)/m);
      assert.match(lines.join('\n'), /^8: .*unanswerable item/m);
      assert.match(lines.join('\n'), /^9: \$\.sources\[0\]: must be/m);
      assert.match(e.message, /line 2: not JSON/);
      return true;
    });
  });

  it('rejects an empty set and a missing file', async () => {
    assert.throws(() => parseGoldenSet({ text: '\n' }), /has no items/);
    await assert.rejects(readGoldenSet({ path: join(dir, 'nope.jsonl') }), (e: FathomError) => e.code === 'PATH_NOT_FOUND');
  });
});
