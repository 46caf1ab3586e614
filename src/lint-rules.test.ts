// The architecture rules hold because lint fails on their violations: plant each one and check that it does.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'src', 'util', `__lint-probe-${process.pid}__`);
after(() => rmSync(dir, { recursive: true, force: true }));

function plant(files: Record<string, string>): string[] {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return Object.keys(files).map((f) => join(dir, f));
}

async function ruleIds(paths: string[]): Promise<string[]> {
  const results = await new ESLint({ cwd: root }).lintFiles(paths);
  return results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
}

describe('lint rules', () => {
  it('fails on an import cycle', async () => {
    const paths = plant({
      'a.ts': "import { b } from './b.js';\nexport const a = (): number => b() + 1;\n",
      'b.ts': "import { a } from './a.js';\nexport const b = (): number => (a.length > 0 ? 1 : 0);\n",
    });
    const messages = await ruleIds(paths);
    assert.ok(messages.some((m) => m.startsWith('import-x/no-cycle')), messages.join('\n'));
  });

  it('fails on an import cycle made of type-only imports (import-x/no-cycle skips them)', async () => {
    const paths = plant({
      'ta.ts': "import type { B } from './tb.js';\nexport interface A { b?: B }\n",
      'tb.ts': "import type { A } from './ta.js';\nexport interface B { a?: A }\n",
    });
    const messages = await ruleIds(paths);
    assert.ok(messages.some((m) => m.startsWith('fathom/no-type-cycle')), messages.join('\n'));
  });

  it("fails on another folder's `_` file, allows its own folder's", async () => {
    const paths = plant({
      'inner/_secret.ts': 'export const secret = 1;\n',
      'inner/public.ts': "import { secret } from './_secret.js';\nexport const shown = secret;\n",
      'outer.ts': "import { secret } from './inner/_secret.js';\nexport const leaked = secret;\n",
    });
    const [inside, outside] = await Promise.all([ruleIds([paths[1]!]), ruleIds([paths[2]!])]);
    assert.deepEqual(inside, []);
    assert.ok(outside.some((m) => m.startsWith('no-restricted-imports') && m.includes('Private-file rule')), outside.join('\n'));
  });

  it('fails on an import against the layer order', async () => {
    const paths = plant({ 'upward.ts': "import { ingest } from '../../ingest/index.js';\nexport const f = ingest;\n" });
    const messages = await ruleIds(paths);
    assert.ok(messages.some((m) => m.includes('Layer rule')), messages.join('\n'));
  });
});
