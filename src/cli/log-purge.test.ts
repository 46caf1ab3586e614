import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import type { QueryLogEntry } from '../spec/audit.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { runCliCaptured } from './__fixtures__/run-cli.js';

const DAY = 86_400_000;
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const entry = (tenant: string, id: string, documentId: string, ageDays: number): QueryLogEntry => ({
  tenant, id, at: Date.now() - ageDays * DAY, kind: 'ask', query: `question ${id}`, answer: `answer from ${documentId}`,
  retrieved: [{ chunkId: `${documentId}#0`, documentId, score: 1, stages: {} }], latencyMs: { total: 5 },
});

describe('fathom log purge', () => {
  let dir: string;
  const cli = (...args: string[]) => runCliCaptured({ cwd: dir, args });
  const ids = async (tenant = 'default') => ((await cli('log', 'list', '--json', '--tenant', tenant)).json() as QueryLogEntry[]).map((e) => e.id).sort();
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-log-purge-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'fathom.config.json'), '{}');
    const store = await createSqliteStore({ path: join(dir, '.fathom', 'fathom.db') });
    for (const e of [entry('default', 'old-a', 'a.md', 40), entry('default', 'new-a', 'a.md', 1), entry('default', 'new-b', 'b.md', 2), entry('acme', 'acme-a', 'a.md', 50)]) await store.appendQueryLog(e);
    await store.close();
  });

  it('--document removes the entries that retrieved or cited it, and prints a receipt', async () => {
    const r = await cli('log', 'purge', '--document', 'a.md');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Purged 2 audit entries of tenant default\.\nRemoved from:\n  audit-log +removed +2 audit entries/);
    assert.match(r.out, /Physical erasure: complete/);
    assert.deepEqual(await ids(), ['new-b']);
    assert.deepEqual(await ids('acme'), ['acme-a'], 'other tenants untouched');
  });

  it('--older-than takes days or an ISO date; combined with --document both must match; --json gives the receipt', async () => {
    const r = await cli('log', 'purge', '--older-than', '30', '--json');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.json().places.map((p: { place: string; count: number }) => [p.place, p.count]), [['audit-log', 1]]);
    assert.equal(r.json().erasure.status, 'complete');
    assert.deepEqual(await ids(), ['new-a', 'new-b']);
    assert.equal((await cli('log', 'purge', '--document', 'b.md', '--older-than', '3d')).code, 0);
    assert.deepEqual(await ids(), ['new-a', 'new-b'], 'new-b is younger than 3 days');
    const future = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    assert.equal((await cli('log', 'purge', '--document', 'b.md', '--older-than', future)).code, 0);
    assert.deepEqual(await ids(), ['new-a']);
  });

  it('--redact keeps the entries with their text blanked', async () => {
    assert.equal((await cli('log', 'purge', '--document', 'b.md', '--redact')).code, 0);
    const [e] = (await cli('log', 'list', '--json')).json().filter((x: QueryLogEntry) => x.id === 'new-b') as QueryLogEntry[];
    assert.equal(e!.query, '');
    assert.equal(e!.redacted?.reason, 'purged');
    assert.match((await cli('log', 'show', 'new-b')).out, /\[redacted .*: purged\]/);
    assert.match((await cli('log', 'list')).out, /new-b .*\[redacted: purged\]\n   \(text redacted\)/);
  });

  it('--tenant alone purges that tenant\'s whole log; with no selector at all it refuses', async () => {
    const none = await cli('log', 'purge');
    assert.equal(none.code, 2);
    assert.match(none.err, /INVALID_ARGUMENT.*--document <id>, --older-than <days\|date>, or --tenant <id>/);
    assert.deepEqual(await ids(), ['new-a', 'new-b', 'old-a']);
    const r = await cli('log', 'purge', '--tenant', 'acme', '--json');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.json().places[0].count, 1);
    assert.deepEqual(await ids('acme'), []);
    assert.deepEqual(await ids(), ['new-a', 'new-b', 'old-a']);
  });

  it('rejects a bad --older-than with the flag named', async () => {
    for (const bad of ['-1', 'soon', '1e400', '']) {
      const r = await cli('log', 'purge', '--older-than', bad);
      assert.equal(r.code, 2, `--older-than ${bad}`);
      assert.match(r.err, /--older-than/);
    }
  });

  it('lists a recorded log export as not managed', async () => {
    assert.equal((await cli('log', 'export', '--out', 'copy.jsonl')).code, 0);
    const r = await cli('log', 'purge', '--document', 'a.md', '--json');
    assert.deepEqual(r.json().notManaged.map((u: { kind: string; path: string }) => [u.kind, u.path]), [['export', join(dir, 'copy.jsonl')]]);
  });
});
