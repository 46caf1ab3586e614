import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { createSqliteStore } from '../../store/sqlite/index.js';
import { spawnTogether } from '../../testing/store/__fixtures__/spawn-together.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-dedup-concurrency-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('--dedup skip holds under concurrent ingests in separate processes', { timeout: 300_000 }, async () => {
  const workers = 4;
  for (let round = 0; round < 2; round++) {
    const path = join(dir, `r${round}`, 'store.db');
    await (await createSqliteStore({ path })).close();
    const results = await spawnTogether(Array.from({ length: workers }, (_, i) => ['dedup', path, String(i)]));
    assert.deepEqual(results.filter((r) => r.code !== 0).map((r) => r.stderr.slice(0, 300)), []);
    const counts = results.map((r) => JSON.parse(r.stdout.split('\n').find((l) => l.startsWith('{'))!) as { created: number; duplicates: number });
    const store = await createSqliteStore({ path });
    const docs = await store.listDocuments({ tenant: 't' });
    const byHash = new Map<string, string[]>();
    for (const d of docs) byHash.set(d.contentHash, [...(byHash.get(d.contentHash) ?? []), d.id]);
    const duplicated = [...byHash.values()].filter((ids) => ids.length > 1);
    assert.deepEqual(duplicated.slice(0, 3), [], `round ${round}: ${duplicated.length} contents stored more than once`);
    assert.equal(docs.length, 30, 'each content stored exactly once');
    assert.equal(counts.reduce((n, c) => n + c.created, 0), 30, 'the reports agree with the store');
    assert.equal(counts.reduce((n, c) => n + c.duplicates, 0), 30 * (workers - 1), 'every other copy is reported as a duplicate');
    await store.close();
  }
});

it('--dedup skip holds for NEAR duplicates under concurrent ingests in separate processes (checked in the commit transaction)', { timeout: 300_000 }, async () => {
  const workers = 4;
  const path = join(dir, 'near', 'store.db');
  await (await createSqliteStore({ path })).close();
  const results = await spawnTogether(Array.from({ length: workers }, (_, i) => ['near-dedup', path, String(i)]));
  assert.deepEqual(results.filter((r) => r.code !== 0).map((r) => r.stderr.slice(0, 300)), []);
  const counts = results.map((r) => JSON.parse(r.stdout.split('\n').find((l) => l.startsWith('{'))!) as { created: number; duplicates: number });
  const store = await createSqliteStore({ path });
  const docs = await store.listDocuments({ tenant: 't' });
  const byContent = new Map<string, string[]>();
  for (const d of docs) {
    const k = /^p\d+\/doc(\d+)\.md$/.exec(d.id)![1]!;
    byContent.set(k, [...(byContent.get(k) ?? []), d.id]);
  }
  const twice = [...byContent.values()].filter((ids) => ids.length > 1);
  assert.deepEqual(twice.slice(0, 3), [], `${twice.length} near-identical texts stored more than once`);
  assert.equal(docs.length, 30, 'each text stored exactly once');
  assert.equal(counts.reduce((n, c) => n + c.created, 0), 30, 'the reports agree with the store');
  assert.equal(counts.reduce((n, c) => n + c.duplicates, 0), 30 * (workers - 1), 'every other copy is reported as a duplicate');
  await store.close();
});
