import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCliCaptured } from '../__fixtures__/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-audit-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) => runCliCaptured({ cwd: dir, args });

describe('fathom audit', () => {
  before(async () => {
    writeFileSync(join(dir, 'fathom.config.json'), '{}');
    mkdirSync(join(dir, 'kb'));
    writeFileSync(join(dir, 'kb', 'a.md'), '---\nowner: sales\n---\n# Plans\n\nThe Pro plan costs 49 dollars per month.\n');
    writeFileSync(join(dir, 'kb', 'b.md'), '---\nowner: sales\n---\n# Old plans\n\nThe Pro plan costs 59 dollars per month.\n');
    assert.equal((await cli('ingest', 'kb')).code, 0);
  });

  it('exits 1 on a finding at --fail-on, in Markdown, JSON and HTML', async () => {
    const md = await cli('audit');
    assert.equal(md.code, 1, md.err);
    assert.match(md.out, /\| error \| conflict \| kb\/a\.md, kb\/b\.md \|/);
    const json = await cli('audit', '--json');
    assert.equal(json.code, 1);
    assert.equal(json.json().counts.byType.conflict, 1);
    assert.equal((await cli('audit', '--format', 'html', '--out', 'audit.html')).code, 1);
    assert.match(readFileSync(join(dir, 'audit.html'), 'utf8'), /<td>conflict<\/td>/);
    assert.equal((await cli('audit', '--fail-on', 'nope')).code, 2);
  });

  it('audits a folder before ingest without touching the store', async () => {
    mkdirSync(join(dir, 'incoming'));
    writeFileSync(join(dir, 'incoming', 'c.md'), '# Notes\n\nThe webhook retries failed deliveries five times.\n');
    const r = await cli('audit', 'incoming', '--json', '--fail-on', 'warning');
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(r.json().findings.map((f: { type: string; documents: string[] }) => [f.type, f.documents.join()]), [['no-owner', 'incoming/c.md']]);
    assert.equal((await cli('docs', 'list', '--json')).json().documents.length, 2, 'the store still holds only the ingested corpus');
  });
});
