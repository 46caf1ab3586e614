import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCliCaptured } from './__fixtures__/run-cli.js';

const cli = (cwd: string, ...args: string[]) => runCliCaptured({ cwd, args });

describe('fathom CLI', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-cli-'));
    mkdirSync(join(dir, 'kb'));
    writeFileSync(join(dir, 'kb', 'policy.md'), '# Refunds\n\nEnterprise customers may request a full refund within 30 days of purchase.\n');
    writeFileSync(join(dir, 'kb', 'security.md'), '# Security\n\nAll data is encrypted at rest with AES-256 and the secret marker zqxwvplorf.\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints help for every command', async () => {
    for (const args of [[], ['--help'], ['ingest', '--help'], ['docs', 'delete', '--help'], ['search', '--help']]) {
      const r = await cli(dir, ...args);
      assert.equal(r.code, 0);
      assert.match(r.out, /USAGE/i);
    }
  });

  it('init writes a commented config and refuses to overwrite it', async () => {
    const r = await cli(dir, 'init');
    assert.equal(r.code, 0);
    assert.match(readFileSync(join(dir, 'fathom.config.json'), 'utf8'), /\/\/ .*chunk/i);
    const again = await cli(dir, 'init');
    assert.equal(again.code, 2);
    assert.match(again.err, /--force/);
  });

  it('ingests, lists, shows, searches with --json, and writes a manifest', async () => {
    const ing = await cli(dir, 'ingest', 'kb', '--json');
    assert.equal(ing.code, 0, ing.err);
    const report = ing.json();
    assert.equal(report.counts.created, 2);
    assert.ok(existsSync(report.manifest));
    const list = (await cli(dir, 'docs', 'list', '--json')).json();
    assert.deepEqual(list.documents.map((d: { id: string }) => d.id), ['kb/policy.md', 'kb/security.md']);
    const show = await cli(dir, 'docs', 'show', 'kb/policy.md');
    assert.match(show.out, /v1 current/);
    const search = (await cli(dir, 'search', 'refund enterprise', '--json', '-k', '1')).json();
    assert.equal(search.hits[0].document.id, 'kb/policy.md');
  });

  it('scopes everything to --tenant', async () => {
    const r = (await cli(dir, 'search', 'refund enterprise', '--json', '--tenant', 'other')).json();
    assert.equal(r.hits.length, 0);
  });

  it('maps errors to exit codes and JSON errors', async () => {
    const missing = await cli(dir, 'docs', 'show', 'nope.md', '--json');
    assert.equal(missing.code, 2);
    assert.equal(missing.json().error.code, 'DOCUMENT_NOT_FOUND');
    const badPath = await cli(dir, 'ingest', 'does-not-exist');
    assert.equal(badPath.code, 2);
    assert.match(badPath.err, /PATH_NOT_FOUND/);
    const badK = await cli(dir, 'search', 'x', '-k', 'zero');
    assert.equal(badK.code, 2);
  });

  it('deletes a document: gone from search and from the database file', async () => {
    const del = await cli(dir, 'docs', 'delete', 'kb/security.md', '--json');
    assert.equal(del.code, 0, del.err);
    assert.deepEqual(del.json().deleted, ['kb/security.md']);
    const search = (await cli(dir, 'search', 'zqxwvplorf', '--json')).json();
    assert.equal(search.hits.length, 0);
    const dbDir = join(dir, '.fathom');
    for (const f of readdirSync(dbDir).filter((n) => n.startsWith('fathom.db'))) {
      assert.equal(readFileSync(join(dbDir, f)).includes('zqxwvplorf'), false, `marker still in ${f}`);
    }
  });
});

describe('fathom ingest, killed mid-run and re-run', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-kill-'));
    mkdirSync(join(dir, 'kb'));
    for (let i = 0; i < 1500; i++) {
      writeFileSync(join(dir, 'kb', `doc-${String(i).padStart(4, '0')}.md`), `# Document ${i}\n\nThis is document ${i} with the token uniq${i}tok. ${'Filler sentence about policies and pricing. '.repeat(20)}\n`);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('ends with exact counts and no duplicates', async () => {
    const bin = resolve(import.meta.dirname, '../../bin/fathom.js');
    const child = spawn(process.execPath, [bin, 'ingest', 'kb', '--progress', 'json', '--json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let killed = false;
    await new Promise<void>((done) => {
      child.stderr.on('data', (chunk: Buffer) => {
        const m = /"documents":(\d+)/.exec(chunk.toString());
        if (!killed && m && Number(m[1]) >= 200) {
          killed = true;
          child.kill('SIGKILL');
        }
      });
      child.on('exit', () => done());
    });
    assert.ok(killed, 'the run was killed mid-way (it finished before 200 documents were reported)');
    const rerun = await cli(dir, 'ingest', 'kb', '--json');
    assert.equal(rerun.code, 0, rerun.err);
    const r = rerun.json();
    assert.ok(r.counts.unchanged > 0, 'documents committed before the kill are kept');
    assert.equal(r.counts.unchanged + r.counts.created, 1500);
    assert.equal(r.counts.updated, 0);
    const docs = await cli(dir, 'docs', 'list', '--json', '--limit', '5000');
    const ids = docs.json().documents.map((d: { id: string; versionCount: number }) => d.id);
    assert.equal(ids.length, 1500);
    assert.equal(new Set(ids).size, 1500);
    assert.ok(docs.json().documents.every((d: { versionCount: number }) => d.versionCount === 1));
  });
});
