import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCliCaptured } from './__fixtures__/run-cli.js';

const cli = (cwd: string, ...args: string[]) => runCliCaptured({ cwd, args });

describe('fathom permissions: ingest --acl, docs acl, --as/--groups on search, ask and docs', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-cli-acl-'));
    mkdirSync(join(dir, 'open'));
    mkdirSync(join(dir, 'hr'));
    writeFileSync(join(dir, 'open', 'cafeteria.md'), '# Cafeteria\n\nThe cafeteria serves lunch from noon for every employee.\n');
    writeFileSync(join(dir, 'hr', 'salaries.md'), '# Salaries\n\nSalaries for every employee are paid on the last day of the month.\n');
    writeFileSync(join(dir, 'hr', 'alice.md'), '---\nacl: user:alice\n---\n# Review\n\nThe employee review of alice is excellent.\n');
    assert.equal((await cli(dir, 'ingest', 'open', '--json')).code, 0);
    const r = await cli(dir, 'ingest', 'hr', '--acl', 'user:bob,group:hr', '--json');
    assert.equal(r.code, 0, r.err);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const ids = (r: { json: () => { hits: Array<{ document: { id: string } }> } }) => [...new Set(r.json().hits.map((h) => h.document.id))].sort();

  it('search --as sees only what the access lists allow; without --as the owner sees all', async () => {
    assert.deepEqual(ids(await cli(dir, 'search', 'employee', '--json')), ['hr/alice.md', 'hr/salaries.md', 'open/cafeteria.md']);
    assert.deepEqual(ids(await cli(dir, 'search', 'employee', '--as', 'user:carol', '--json')), ['open/cafeteria.md']);
    assert.deepEqual(ids(await cli(dir, 'search', 'employee', '--as', 'user:carol', '--groups', 'hr', '--json')), ['hr/salaries.md', 'open/cafeteria.md']);
    assert.deepEqual(ids(await cli(dir, 'search', 'employee', '--as', 'user:alice', '--json')), ['hr/alice.md', 'open/cafeteria.md'], 'front matter wins over --acl');
  });

  it('docs list/show --as hide documents; ask --as cites only readable sources', async () => {
    const list = await cli(dir, 'docs', 'list', '--as', 'user:carol', '--json');
    assert.deepEqual(list.json().documents.map((d: { id: string }) => d.id), ['open/cafeteria.md']);
    const show = await cli(dir, 'docs', 'show', 'hr/salaries.md', '--as', 'user:carol');
    assert.equal(show.code, 2);
    assert.match(show.err, /No document "hr\/salaries\.md"/);
    const ask = await cli(dir, 'ask', 'when are salaries paid?', '--as', 'user:carol', '--json');
    assert.equal(ask.code, 0, ask.err);
    assert.ok(ask.json().sources.every((s: { documentId: string }) => s.documentId === 'open/cafeteria.md'));
  });

  it('docs acl shows, sets and clears an access list; bad input exits 2 with a message', async () => {
    assert.deepEqual((await cli(dir, 'docs', 'acl', 'hr/salaries.md', '--json')).json(), { id: 'hr/salaries.md', acl: { principals: ['user:bob'], groups: ['hr'] } });
    assert.equal((await cli(dir, 'docs', 'acl', 'hr/salaries.md', '--set', 'user:carol')).code, 0);
    assert.deepEqual(ids(await cli(dir, 'search', 'salaries', '--as', 'user:carol', '--json')), ['hr/salaries.md']);
    assert.equal((await cli(dir, 'docs', 'acl', 'hr/salaries.md', '--clear')).code, 0);
    assert.deepEqual(ids(await cli(dir, 'search', 'salaries', '--as', 'user:zed', '--json')), ['hr/salaries.md']);
    const missing = await cli(dir, 'docs', 'acl', 'nope.md', '--set', 'user:carol');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /No document "nope\.md"/);
    const bad = await cli(dir, 'ingest', 'open', '--acl', 'group:');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /names no group/);
    const groupsOnly = await cli(dir, 'search', 'x', '--groups', 'hr');
    assert.equal(groupsOnly.code, 2);
    assert.match(groupsOnly.err, /--groups needs --as/);
  });
});
