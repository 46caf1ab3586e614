import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../../spec/store.js';
import { createSqliteStore } from '../../store/sqlite/index.js';
import { createGptTokenizer } from '../../util/tokenizers/index.js';
import { createChunker } from '../chunkers/index.js';
import { ingest } from '../ingest.js';

const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 128 });
const text = (name: string) => `# ${name}\n\nThe ${name} page explains the ${name} procedure in plain words.\n`;

describe('ingest --sync', () => {
  let dir: string;
  let store: Store;
  let n = 0;
  const ids = async (tenant: string) => (await store.listDocuments({ tenant })).map((d) => d.id).sort();
  const run = (tenant: string, paths: string[]) => ingest({ store, tenant, paths, cwd: dir, chunker, sync: true });
  const file = (rel: string, content: string | Uint8Array = text(rel.replace(/\W/g, ' '))) => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-sync-'));
    store = await createSqliteStore({ path: join(dir, 'store.db') });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('only considers documents under the paths this run walked (D1)', async () => {
    const t = `t${n++}`;
    for (const f of ['A/a1.md', 'A/a2.md', 'A/sub/a3.md', 'B/b1.md', 'AB/x.md', 'one.md']) file(f);
    await run(t, ['A']);
    await run(t, ['AB', 'one.md']);
    const second = await run(t, ['B']);
    assert.deepEqual(second.removed, [], 'ingesting B must not remove A/*, AB/* or one.md');
    assert.deepEqual(await ids(t), ['A/a1.md', 'A/a2.md', 'A/sub/a3.md', 'AB/x.md', 'B/b1.md', 'one.md']);
    unlinkSync(join(dir, 'A/a2.md'));
    unlinkSync(join(dir, 'AB/x.md'));
    const third = await run(t, ['A']);
    assert.deepEqual(third.removed, ['A/a2.md'], "a vanished file under A is removed; AB/x.md is not under 'A'");
    const fourth = await run(t, ['A/sub/a3.md']);
    assert.deepEqual(fourth.removed, [], 'a file named directly is its own scope');
    assert.deepEqual(await ids(t), ['A/a1.md', 'A/sub/a3.md', 'AB/x.md', 'B/b1.md', 'one.md']);
  });

  it('scopes record files by their source file', async () => {
    const t = `t${n++}`;
    file('rec/one.jsonl', '{"id":"r1","text":"first record text"}\n{"id":"r2","text":"second record text"}\n');
    file('rec/two.jsonl', '{"id":"s1","text":"other file record"}\n');
    await run(t, ['rec']);
    file('rec/one.jsonl', '{"id":"r1","text":"first record text"}\n');
    const r = await run(t, ['rec/one.jsonl']);
    assert.deepEqual(r.removed, ['r2'], 'the record gone from one.jsonl is removed; two.jsonl is not in scope');
    assert.deepEqual(await ids(t), ['r1', 's1']);
  });

  it('keeps documents whose file still exists but was skipped this run (D2)', async () => {
    const t = `t${n++}`;
    file('S/ok.md');
    file('S/utf.md');
    file('S/nul.txt', 'plain text that is fine today\n');
    file('S/big.md');
    file('S/recs.jsonl', '{"id":"k1","text":"kept record one"}\n{"id":"k2","text":"kept record two"}\n');
    await run(t, ['S']);
    assert.equal((await ids(t)).length, 6);
    file('S/utf.md', Buffer.from([0x23, 0x20, 0x61, 0x0a, 0xc3, 0x28, 0xa0, 0xa1, 0x0a]));
    file('S/nul.txt', Buffer.from('text with a NUL \u0000 byte\n'));
    file('S/big.md', `# Big\n\n${'word '.repeat(4000)}\n`);
    file('S/recs.jsonl', '{"id":"k1","text":"kept record one"}\n{"id":"k2","text":"kept record two",\n');
    const r = await ingest({ store, tenant: t, paths: ['S'], cwd: dir, chunker, sync: true, maxFileBytes: 10_000 });
    assert.ok(r.skipped.length >= 4, `the damaged files are skipped: ${JSON.stringify(r.skipped.map((s) => s.path))}`);
    assert.deepEqual(r.removed, [], 'a skipped file is not a vanished file');
    assert.deepEqual(await ids(t), ['S/big.md', 'S/nul.txt', 'S/ok.md', 'S/utf.md', 'k1', 'k2']);
  });

  it('keeps a file that exists but was not walked (excluded by a glob)', async () => {
    const t = `t${n++}`;
    file('E/keep.md');
    file('E/note.txt', 'a plain note that stays on disk\n');
    await run(t, ['E']);
    const r = await ingest({ store, tenant: t, paths: ['E'], cwd: dir, chunker, sync: true, exclude: ['**/*.txt'] });
    assert.deepEqual(r.removed, []);
    assert.deepEqual(await ids(t), ['E/keep.md', 'E/note.txt']);
  });
});
