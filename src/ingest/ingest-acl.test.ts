import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../spec/store.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { createGptTokenizer } from '../util/tokenizers/index.js';
import { createChunker } from './chunkers/index.js';
import { ingest } from './ingest.js';

const tenant = 't1';

describe('ingest() access lists', () => {
  let dir: string;
  let store: Store;
  const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 128 });
  const run = (extra: Partial<Parameters<typeof ingest>[0]> = {}) => ingest({ store, tenant, paths: ['docs'], cwd: dir, chunker, ...extra });
  const acl = async (id: string) => (await store.getDocument({ tenant, id }))?.acl;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-ingest-acl-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'fm.md'), '---\ntitle: Payroll\nacl: user:alice, group:hr\nowner: finance\n---\n# Payroll\n\nSalaries are paid monthly.\n');
    writeFileSync(join(dir, 'docs', 'plain.md'), '# Plain\n\nThe cafeteria opens at noon.\n');
    writeFileSync(
      join(dir, 'docs', 'records.jsonl'),
      [
        { id: 'r1', text: 'Record one about budgets.', acl: 'group:eng' },
        { id: 'r2', text: 'Record two about budgets.', acl: ['user:bob', 'group:ops'] },
        { id: 'r3', text: 'Record three about budgets.', acl: 42 },
        { id: 'r4', text: 'Record four about budgets.' },
      ].map((r) => JSON.stringify(r)).join('\n') + '\n',
    );
    store = await createSqliteStore({ path: join(dir, 'store.db') });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads front matter `acl:` and record ACL fields, falls back to the run default, and skips an unparsable record ACL', async () => {
    const report = await run({ acl: { principals: ['user:admin'], groups: [] } });
    assert.equal(report.counts.created, 5);
    assert.deepEqual(await acl('docs/fm.md'), { principals: ['user:alice'], groups: ['hr'] });
    assert.equal((await store.getDocument({ tenant, id: 'docs/fm.md' }))?.metadata.acl, undefined, 'the ACL is not metadata');
    assert.equal((await store.getDocument({ tenant, id: 'docs/fm.md' }))?.metadata.owner, 'finance');
    assert.deepEqual(await acl('docs/plain.md'), { principals: ['user:admin'], groups: [] }, 'the run default');
    assert.deepEqual(await acl('r1'), { principals: [], groups: ['eng'] });
    assert.deepEqual(await acl('r2'), { principals: ['user:bob'], groups: ['ops'] });
    assert.deepEqual(await acl('r4'), { principals: ['user:admin'], groups: [] });
    assert.equal(report.skipped.filter((s) => s.code === 'INVALID_RECORD' && s.path.endsWith('#3')).length, 1, 'r3 skipped with its line');
    const hits = await store.searchKeyword({ tenant, query: 'salaries budgets cafeteria', topK: 20, principal: { id: 'user:alice', groups: [] } });
    assert.deepEqual([...new Set(hits.map((h) => h.document.id))], ['docs/fm.md']);
  });

  it('re-running with another default changes the ACL of unchanged documents; without one, stored ACLs stay', async () => {
    await run();
    assert.deepEqual(await acl('docs/plain.md'), { principals: ['user:admin'], groups: [] }, 'no --acl: kept');
    const report = await run({ acl: { principals: [], groups: ['all-staff'] } });
    assert.equal(report.counts.unchanged, 5);
    assert.deepEqual(await acl('docs/plain.md'), { principals: [], groups: ['all-staff'] });
    assert.deepEqual(await acl('docs/fm.md'), { principals: ['user:alice'], groups: ['hr'] }, 'the document’s own list wins');
  });
});
