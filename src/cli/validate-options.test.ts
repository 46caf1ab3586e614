import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from './__fixtures__/run-cli.js';

describe('CLI option validation, unknown flags and read-only commands', () => {
  let dir: string;
  const cli = (...args: string[]) => runCliCaptured({ cwd: dir, args });
  const userError = async (args: string[], code: string, ...patterns: RegExp[]) => {
    const r = await cli(...args, '--json');
    assert.equal(r.code, 2, `${args.join(' ')} → ${r.code}: ${r.err}`);
    assert.equal(r.json().error.code, code, r.err);
    for (const p of patterns) assert.match(r.err, p, args.join(' '));
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    return r;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-options-'));
    mkdirSync(join(dir, 'kb'));
    writeFileSync(join(dir, 'kb', 'refunds.md'), '# Refunds\n\nEnterprise customers may request a full refund within 30 days of purchase.\n');
    const r = await runCliCaptured({ cwd: dir, args: ['ingest', 'kb'] });
    assert.equal(r.code, 0, r.err);
    assert.equal((await runCliCaptured({ cwd: dir, args: ['ask', 'Who may request a full refund?'] })).code, 0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const ranges: Array<[string[], RegExp[]]> = [
    [['--alpha', '5', '--fusion', 'convex'], [/--alpha "5"/, /number from 0 to 1/, /nearest valid value: 1/]],
    [['--rrf-k', '-60'], [/--rrf-k "-60"/, /number from 0 to 1000000/, /nearest valid value: 0/]],
    [['--lambda', '7'], [/--lambda "7"/, /from 0 to 1/, /nearest valid value: 1/]],
    [['--half-life-days', '-1'], [/--half-life-days "-1"/, /number in \(0, 1000000\]/]],
    [['--fusion', 'bogus'], [/--fusion "bogus"/, /"rrf", "convex"/]],
    [['--fusion', 'rff'], [/nearest valid value: "rrf"/]],
    [['--normalization', 'bogus'], [/--normalization "bogus"/, /"minmax", "zscore"/]],
    [['-k', '0x10'], [/-k "0x10"/, /not a decimal number/, /integer from 1 to 1000/, /nearest valid value: 16/]],
    [['-k', '0'], [/-k "0"/, /nearest valid value: 1/]],
    [['-k', '2.5'], [/-k "2.5"/, /integer/]],
    [['--mode', 'nonsense'], [/--mode "nonsense"/, /"bm25", "vector", "hybrid"/]],
  ];
  for (const [flags, patterns] of ranges) {
    it(`search ${flags.join(' ')} is a user error naming the flag, the value and the allowed range`, async () => {
      await userError(['search', 'refund', ...flags], 'INVALID_ARGUMENT', ...patterns);
    });
  }

  it('--limit -1 / 0 / NaN / 1e400 are user errors (were exit-3 system errors)', async () => {
    for (const v of ['-1', '0', 'NaN', '1e400', '']) await userError(['docs', 'list', '--limit', v], 'INVALID_ARGUMENT', /--limit/, /integer from 1 to 1000000/);
    const noValue = await cli('docs', 'list', '--limit');
    assert.equal(noValue.code, 2);
    assert.match(noValue.err, /--limit needs a value/);
  });

  it('ingest --progress bogus, --dedup and --chunker values are checked', async () => {
    await userError(['ingest', 'kb', '--progress', 'bogus'], 'INVALID_ARGUMENT', /--progress "bogus"/, /"auto", "json", "none"/);
    await userError(['ingest', 'kb', '--chunker', 'structur'], 'INVALID_ARGUMENT', /nearest valid value: "structure"/);
  });

  it('unknown flags and subcommands are errors with did-you-mean (exit 2)', async () => {
    await userError(['search', 'foo', '--kk', '3'], 'INVALID_ARGUMENT', /Unknown option "--kk"/, /did you mean -k\?/);
    await userError(['ask', 'x', '--modle', 'foo'], 'INVALID_ARGUMENT', /Unknown option "--modle"/, /did you mean --model\?/);
    await userError(['search', 'foo', '-z'], 'INVALID_ARGUMENT', /Unknown option "-z"/);
    await userError(['serch', 'foo'], 'INVALID_ARGUMENT', /Unknown command "serch"/, /did you mean `fathom search`\?/);
    await userError(['--bogus'], 'INVALID_ARGUMENT', /Unknown option "--bogus"/);
    await userError(['docs', '--lmit', '3'], 'INVALID_ARGUMENT', /Unknown option "--lmit"/);
    await userError(['docs', 'lst'], 'INVALID_ARGUMENT', /did you mean `fathom docs list`\?/);
    await userError(['search', 'refund', 'policy'], 'INVALID_ARGUMENT', /Unexpected argument "policy"/, /quote/);
    const ok = await cli('search', '--no-explain', '--json', 'refund');
    assert.equal(ok.code, 0, ok.err);
  });

  it('a config topK is used without the misleading "-k … got undefined" message', async () => {
    const sub = mkdtempSync(join(dir, 'topk-'));
    writeFileSync(join(sub, 'fathom.config.json'), JSON.stringify({ search: { topK: 2 }, store: { path: join(dir, '.fathom', 'fathom.db') } }));
    const r = await runCliCaptured({ cwd: sub, args: ['search', 'refund', '--json'] });
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.err, /undefined/);
  });

  it('filters: a bad date and a bad key are user errors, not silence or system errors', async () => {
    await userError(['search', 'refund', '--filter', 'updatedAt>=notadate'], 'INVALID_ARGUMENT', /updatedAt compares with a date/, /notadate/);
    await userError(['search', 'refund', '--filter', 'a\\=1'], 'INVALID_ARGUMENT', /Bad --filter "a\\=1"/);
    const dated = await cli('search', 'refund', '--filter', 'updatedAt>=2000-01-01', '--json');
    assert.equal(dated.json().hits.length, 1);
  });

  it('an empty, stop-word-only or oversized query is a user error', async () => {
    await userError(['search', '   '], 'INVALID_ARGUMENT', /query is empty/);
    await userError(['search', 'the of and'], 'INVALID_ARGUMENT', /no searchable terms/);
    await userError(['search', 'refund '.repeat(2000)], 'INVALID_ARGUMENT', /more than the 8192 allowed/, /search\.maxQueryChars/);
    await userError(['ask', 'x'.repeat(9000)], 'INVALID_ARGUMENT', /question has 9000 characters/);
  });

  it('--tenant is trimmed; control characters, newlines and > 128 characters are rejected', async () => {
    const trimmed = await cli('search', 'refund', '--tenant', ' default ', '--json');
    assert.equal(trimmed.json().hits.length, 1);
    await userError(['search', 'refund', '--tenant', 'a\nb'], 'INVALID_ARGUMENT', /--tenant "a\\nb" contains control characters/);
    await userError(['search', 'refund', '--tenant', 'x'.repeat(200)], 'INVALID_ARGUMENT', /has 200 characters \(at most 128\)/);
    await userError(['search', 'refund', '--tenant', ''], 'INVALID_ARGUMENT', /is empty/);
  });

  it('an unknown tenant is reported with the known ones', async () => {
    const r = await cli('search', 'refund', '--tenant', 'defualt', '--json');
    assert.equal(r.code, 0);
    assert.equal(r.json().hits.length, 0);
    assert.match(r.err, /warning: tenant "defualt" has no documents in .*; known tenants: default/);
  });

  it('read commands never create a store: they say none exists and how to make one', async () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    for (const args of [['search', 'refund'], ['ask', 'refund?'], ['docs', 'list'], ['docs', 'show', 'x'], ['log', 'list'], ['log', 'export']]) {
      const r = await runCliCaptured({ cwd: empty, args: [...args, '--json'] });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.equal(r.json().error.code, 'STORE_NOT_FOUND');
      assert.match(r.err, /No fathom store at .*fathom\.db.*`fathom ingest <paths>`/);
    }
    assert.equal(existsSync(join(empty, '.fathom')), false);
  });

  it('a missing local model file is reported as such, not as an internal "await load()" message', async () => {
    const r = await userError(['ask', 'Who may request a refund?', '--model', 'llama-cpp:missing.gguf'], 'MODEL_NOT_AVAILABLE', /missing\.gguf/);
    assert.doesNotMatch(r.err, /load\(\)/);
  });

  it('log export --out into a missing directory or an unwritable file is a typed error', async () => {
    await userError(['log', 'export', '--out', '/nonexistent/dir/x'], 'PATH_NOT_FOUND', /\/nonexistent\/dir\/x/);
    await userError(['log', 'export', '--out', '/proc/version'], 'PATH_NOT_ACCESSIBLE', /\/proc\/version/);
  });
});
