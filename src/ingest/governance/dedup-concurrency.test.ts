import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { createSqliteStore } from '../../store/sqlite/index.js';
import { spawnTogether } from '../../testing/store/__fixtures__/spawn-together.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-dedup-concurrency-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const workers = 4;

/** `workers` processes ingest the same 30 texts into one new store at once; each stored once, every other copy reported. */
async function ingestTogether(kind: 'dedup' | 'near-dedup', path: string, groupOf: (doc: { id: string; contentHash: string }) => string): Promise<string[][]> {
  await (await createSqliteStore({ path })).close();
  const results = await spawnTogether(Array.from({ length: workers }, (_, i) => [kind, path, String(i)]));
  assert.deepEqual(results.filter((r) => r.code !== 0).map((r) => r.stderr.slice(0, 300)), []);
  const counts = results.map((r) => JSON.parse(r.stdout.split('\n').find((l) => l.startsWith('{'))!) as { created: number; duplicates: number });
  const store = await createSqliteStore({ path });
  const docs = await store.listDocuments({ tenant: 't' });
  await store.close();
  const groups = new Map<string, string[]>();
  for (const d of docs) groups.set(groupOf(d), [...(groups.get(groupOf(d)) ?? []), d.id]);
  assert.equal(counts.reduce((n, c) => n + c.created, 0), docs.length, 'the reports agree with the store');
  assert.equal(counts.reduce((n, c) => n + c.duplicates, 0), 30 * (workers - 1), 'every other copy is reported as a duplicate');
  return [...groups.values()];
}

it('--dedup skip holds under concurrent ingests in separate processes', { timeout: 300_000 }, async () => {
  for (let round = 0; round < 2; round++) {
    const groups = await ingestTogether('dedup', join(dir, `r${round}`, 'store.db'), (d) => d.contentHash);
    const duplicated = groups.filter((ids) => ids.length > 1);
    assert.deepEqual(duplicated.slice(0, 3), [], `round ${round}: ${duplicated.length} contents stored more than once`);
    assert.equal(groups.flat().length, 30, 'each content stored exactly once');
  }
});

it('--dedup skip holds for NEAR duplicates under concurrent ingests in separate processes (checked in the commit transaction)', { timeout: 300_000 }, async () => {
  const groups = await ingestTogether('near-dedup', join(dir, 'near', 'store.db'), (d) => /^p\d+\/doc(\d+)\.md$/.exec(d.id)![1]!);
  const twice = groups.filter((ids) => ids.length > 1);
  assert.deepEqual(twice.slice(0, 3), [], `${twice.length} near-identical texts stored more than once`);
  assert.equal(groups.flat().length, 30, 'each text stored exactly once');
});
