import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCliCaptured } from '../__fixtures__/run-cli.js';

let dir: string;

const cli = (...args: string[]) => runCliCaptured({ cwd: dir, args: [...args, '--store', 'f.db'] });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fathom-ask-'));
  mkdirSync(join(dir, 'kb'));
  writeFileSync(join(dir, 'kb', 'pricing.md'), '# Pricing\n\n## Enterprise\n\nEnterprise costs $54 per seat per month with a minimum of 20 seats.\n\n## Team\n\nTeam costs $12 per seat per month.\n');
  writeFileSync(join(dir, 'kb', 'refunds.md'), '# Refund policy\n\nWithin the first 30 days, an Enterprise customer may cancel and receive a full refund.\n');
  assert.equal((await cli('ingest', 'kb', '--progress', 'none')).code, 0);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('fathom ask', () => {
  it('answers extractively with numbered, located sources', async () => {
    const r = await cli('ask', 'How much does Enterprise cost per seat?');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\$54 per seat per month.*\[1\]/);
    assert.match(r.out, /Sources:\n\[1\] Pricing › Enterprise {2}\(kb\/pricing\.md, chars \d+-\d+\)/);
    assert.match(r.out, /extractive · retrieve/);
  });

  it('--json returns the Answer; --sources prints source texts; --stream prints the text', async () => {
    const j = (await cli('ask', 'How much does Enterprise cost per seat?', '--json', '-k', '2')).json();
    assert.equal(j.model, 'extractive');
    assert.ok(j.sources.length <= 2);
    assert.equal(typeof j.logId, 'string');
    const s = await cli('ask', 'How much does Enterprise cost per seat?', '--sources');
    assert.match(s.out, / {4}Enterprise costs \$54/);
    const st = await cli('ask', 'How much does Enterprise cost per seat?', '--stream');
    assert.match(st.out, /^Plan|^Enterprise costs \$54/);
  });

  it('rejects a bad --model spec with a user error', async () => {
    const r = await cli('ask', 'q', '--model', 'nonsense');
    assert.equal(r.code, 2);
    assert.match(r.err, /Bad --model "nonsense"/);
  });
});

describe('fathom log', () => {
  it('lists, shows and exports the audit log', async () => {
    await cli('ask', 'What is the refund window for Enterprise?');
    const list = (await cli('log', 'list', '--json', '--since', '1d')).json() as Array<{ id: string; query: string; kind: string }>;
    assert.ok(list.length >= 1);
    assert.equal(list[0]!.query, 'What is the refund window for Enterprise?');
    const human = await cli('log', 'list', '--limit', '1');
    assert.match(human.out, /What is the refund window for Enterprise\?/);
    const show = await cli('log', 'show', list[0]!.id);
    assert.match(show.out, /query: What is the refund window for Enterprise\?/);
    assert.match(show.out, /retrieved:\n {2}1\. /);
    assert.equal((await cli('log', 'show', 'q_missing')).code, 2);
    const csv = await cli('log', 'export', '--format', 'csv');
    assert.match(csv.out, /^id,at,tenant,kind,query,model,answer/);
    assert.equal(csv.out.trim().split('\n').length, list.length + 1);
    assert.equal((await cli('log', 'export', '--out', 'log.jsonl')).code, 0);
    const lines = readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    assert.equal(lines.length, list.length);
    assert.equal((await cli('log', 'list', '--since', 'yesterday-ish')).code, 2);
    const future = (await cli('log', 'list', '--json', '--since', '2999-01-01')).json() as unknown[];
    assert.equal(future.length, 0);
  });
});
