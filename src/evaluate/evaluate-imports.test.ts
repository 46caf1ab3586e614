import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every file reachable from `start` through static and dynamic relative imports. */
function reachable(start: string): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)\.js'/g)) todo.push(resolve(dirname(file), `${m[1]}.ts`));
  }
  return seen;
}

it('evaluation never loads the tune feature (the import cycle is gone)', () => {
  const files = readdirSync(join(src, 'evaluate'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('__fixtures__'));
  for (const f of files) {
    const tune = [...reachable(join(src, 'evaluate', f))].filter((r) => relative(src, r).startsWith('tune/'));
    assert.deepEqual(tune, [], `evaluate/${f} reaches ${tune.map((t) => relative(src, t)).join(', ')}`);
  }
});
