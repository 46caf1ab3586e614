import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../../__fixtures__/run-cli.js';

const tune = (cwd: string, ...args: string[]) => runCliCaptured({ cwd, args: ['tune', ...args] });
const chat = (user: string, assistant: string, extra: Record<string, unknown> = {}): string => JSON.stringify({ messages: [{ role: 'user', content: user }, { role: 'assistant', content: assistant }], ...extra });
const TOPICS = ['rivers', 'bread', 'chess', 'tides', 'glass', 'moths', 'radar', 'jazz', 'salt', 'kites', 'wool'];

describe('fathom tune lint --target / tune dedupe', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-tune-lint-cli-'));
    const lines = TOPICS.map((t, i) => chat(`Tell me one fact about ${t}.`, `Fact ${i + 1}: ${t} are ${'remarkably '.repeat(i % 3)}interesting in their own way.`));
    lines[2] = chat('Tell me one fact about chess.', 'Fact 3: chess is old.', { source: 'wiki' });
    writeFileSync(join(dir, 'data.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'para.jsonl'), [
      chat('How do I declare an optional query parameter?', 'Give it a default of None, e.g. `q: str | None = None`.'),
      chat('How do I declare an optional query param?', 'Set its default to None, for example `q: str | None = None`.'),
      chat('How can I declare an optional query parameter?', 'Query parameters cannot be optional; use a body.'),
      chat('Which server runs FastAPI in production?', 'Uvicorn, often behind Gunicorn.'),
    ].join('\n'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--target openai makes an unknown key an error (exit 1); --target trl ignores it (exit 0); no target warns', async () => {
    const openai = await tune(dir, 'lint', 'data.jsonl', '--target', 'openai', '--json');
    assert.equal(openai.code, 1);
    assert.deepEqual(openai.json().findings.filter((f: { check: string }) => f.check === 'target-schema').map((f: { severity: string; lines: number[] }) => [f.severity, f.lines]), [['error', [3]]]);
    assert.equal((await tune(dir, 'lint', 'data.jsonl', '--target', 'trl')).code, 0);
    const plain = await tune(dir, 'lint', 'data.jsonl');
    assert.equal(plain.code, 0);
    assert.match(plain.out, /warning lines 3 +unknown top-level key "source" \(rejected by openai, together, mistral, fireworks/);
  });

  it('the default target comes from the config; a bad target is a user error', async () => {
    writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ tune: { target: 'mistral' } }));
    try {
      const r = await tune(dir, 'lint', 'data.jsonl', '--json');
      assert.equal(r.code, 1);
      assert.match(JSON.stringify(r.json().findings), /mistral rejects it/);
      writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ tune: { target: 'vertex' } }));
      const bad = await tune(dir, 'lint', 'data.jsonl');
      assert.equal(bad.code, 2);
      assert.match(bad.err, /INVALID_CONFIG[\s\S]*tune\.target: "vertex" is not allowed; use one of "openai"/);
    } finally {
      rmSync(join(dir, 'fathom.config.json'));
    }
    const flag = await tune(dir, 'lint', 'data.jsonl', '--target', 'bedrock');
    assert.equal(flag.code, 2);
    assert.match(flag.err, /target[\s\S]*openai/);
  });

  it('lint reports the paraphrase as a near duplicate and the different answer as a contradiction; dedupe writes the file without the copy', async () => {
    const lint = (await tune(dir, 'lint', 'para.jsonl', '--json')).json();
    const pick = (check: string) => lint.findings.filter((f: { check: string }) => f.check === check).map((f: { lines: number[] }) => f.lines);
    assert.deepEqual(pick('near-duplicate'), [[1, 2]]);
    assert.deepEqual(pick('contradiction'), [[1, 2, 3]]);
    const d = await tune(dir, 'dedupe', 'para.jsonl', '--out', 'deduped.jsonl', '--json');
    assert.equal(d.code, 0, d.err);
    assert.deepEqual(d.json().removed, [{ line: 2, duplicateOf: 1, kind: 'near' }]);
    const kept = readFileSync(join(dir, 'deduped.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).messages[0].content);
    assert.deepEqual(kept, ['How do I declare an optional query parameter?', 'How can I declare an optional query parameter?', 'Which server runs FastAPI in production?']);
  });
});
