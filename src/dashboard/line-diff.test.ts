import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineDiff } from './app/line-diff.js';

const render = (d: ReturnType<typeof lineDiff>) => d.map((l) => `${{ same: ' ', del: '-', add: '+' }[l.op]}${l.text}`).join('\n');
/** Old text and new text back from a diff: what any correct diff must give. */
const sides = (d: ReturnType<typeof lineDiff>) => [d.filter((l) => l.op !== 'add').map((l) => l.text).join('\n'), d.filter((l) => l.op !== 'del').map((l) => l.text).join('\n')];

describe('lineDiff', () => {
  it('keeps common lines and marks a changed line as removed then added, with both line numbers', () => {
    const d = lineDiff('# T\n\nA costs 12.\nB stays.\n', '# T\n\nA costs 15.\nB stays.\nC is new.\n');
    assert.equal(render(d), ' # T\n \n-A costs 12.\n+A costs 15.\n B stays.\n+C is new.\n ');
    assert.deepEqual(d.filter((l) => l.op !== 'same').map((l) => [l.op, l.a, l.b]), [['del', 3, undefined], ['add', undefined, 3], ['add', undefined, 5]]);
    assert.deepEqual(d.at(-1), { op: 'same', text: '', a: 5, b: 6 });
  });

  it('finds the longest common subsequence in the middle (a moved line is one removal and one addition)', () => {
    const d = lineDiff('a\nb\nc\nd\ne', 'a\nc\nd\nb\ne');
    assert.equal(d.filter((l) => l.op === 'same').length, 4);
    assert.deepEqual(sides(d), ['a\nb\nc\nd\ne', 'a\nc\nd\nb\ne']);
  });

  it('falls back to one removed and one added block above maxCells, still reconstructing both sides', () => {
    const old = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    const neu = Array.from({ length: 50 }, (_, i) => `line ${i % 7 ? i : i + 100}`).join('\n');
    const d = lineDiff(old, neu, { maxCells: 10 });
    assert.deepEqual(sides(d), [old, neu]);
    assert.deepEqual(sides(lineDiff(old, neu)), [old, neu]);
    assert.ok(lineDiff(old, neu).filter((l) => l.op === 'same').length > d.filter((l) => l.op === 'same').length);
  });
});
