import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'jsonc-parser';
import { runCliCaptured } from '../__fixtures__/run-cli.js';

let dir: string;
const cli = (...args: string[]) => runCliCaptured({ cwd: dir, args: [...args, '--store', 'f.db'] });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fathom-calibrate-'));
  mkdirSync(join(dir, 'kb'));
  writeFileSync(join(dir, 'kb', 'pricing.md'), '# Pricing\n\n## Enterprise\n\nEnterprise costs $54 per seat per month with a minimum of 20 seats.\n\n## Team\n\nTeam costs $12 per seat per month.\n');
  writeFileSync(join(dir, 'kb', 'refunds.md'), '# Refund policy\n\nWithin the first 30 days, an Enterprise customer may cancel and receive a full refund.\n');
  writeFileSync(join(dir, 'kb', 'security.md'), '# Security\n\nBackups are encrypted and kept for 35 days in a second region.\n');
  assert.equal((await cli('ingest', 'kb', '--progress', 'none')).code, 0);
  const items = [
    ['price', 'How much does Enterprise cost per seat?', true], ['refund', 'Within how many days can an Enterprise customer get a full refund?', true],
    ['backup', 'How long are backups kept?', true], ['team', 'What does the Team plan cost?', true],
    ['ceo', 'Who is the CEO of the company?', false], ['office', 'What is the street address of the headquarters?', false],
  ].map(([id, question, answerable]) => JSON.stringify({ id, question, answers: answerable ? ['x'] : [], sources: [], answerable }));
  writeFileSync(join(dir, 'golden.jsonl'), `${items.join('\n')}\n`);
  writeFileSync(join(dir, 'fathom.config.json'), '{\n  // my settings\n  "search": { "mode": "bm25", "topK": 3 }\n}\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('fathom calibrate', () => {
  it('prints the abstention precision/recall curve with the chosen point and writes the threshold to the config, keeping comments', async () => {
    const r = await cli('calibrate', 'golden.jsonl', '--min-answerable-recall', '1');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /6 items \(4 answerable, 2 unanswerable\); fitted the threshold \(model kept\)/);
    assert.match(r.out, /threshold {2}abstention precision {2}abstention recall {2}answerable recall/);
    assert.match(r.out, /← chosen/);
    const text = readFileSync(join(dir, 'fathom.config.json'), 'utf8');
    assert.match(text, /\/\/ my settings/);
    const config = parse(text) as { answer: { minSufficiency: number }; search: { topK: number } };
    assert.equal(config.search.topK, 3);
    assert.ok(config.answer.minSufficiency > 0 && config.answer.minSufficiency < 1);
    // the written threshold is what ask uses: every answerable item answered, the unanswerable ones abstained
    for (const [q, abstains] of [['How much does Enterprise cost per seat?', false], ['Who is the CEO of the company?', true]] as const) {
      const a = (await cli('ask', q, '--json')).json();
      assert.equal(a.minSufficiency, config.answer.minSufficiency);
      assert.equal(a.abstained, abstains, `${q}: sufficiency ${a.sufficiency}`);
    }
  });

  it('refits the weights on request, and --dry-run writes nothing', async () => {
    const before = readFileSync(join(dir, 'fathom.config.json'), 'utf8');
    const j = (await cli('calibrate', 'golden.jsonl', '--fit', 'weights', '--dry-run', '--json')).json();
    assert.equal(j.fitted, 'weights');
    assert.match(j.model.source, /calibrated on 6 questions \(4 answerable\)/);
    assert.equal(j.config, null);
    assert.equal(readFileSync(join(dir, 'fathom.config.json'), 'utf8'), before);
  });

  it('rejects a golden set without unanswerable items, and bad options, as user errors', async () => {
    writeFileSync(join(dir, 'only.jsonl'), `${JSON.stringify({ id: 'a', question: 'How much does Enterprise cost?', answers: ['$54'], sources: [], answerable: true })}\n`);
    const only = await cli('calibrate', 'only.jsonl');
    assert.equal(only.code, 2);
    assert.match(only.err, /INVALID_DATASET.*unanswerable/);
    assert.equal((await cli('calibrate', 'golden.jsonl', '--min-answerable-recall', '1.5')).code, 2);
    assert.equal((await cli('calibrate', 'golden.jsonl', '--fit', 'everything')).code, 2);
  });
});

describe('one sufficiency score, shown the same by search --explain and ask', () => {
  it('search --explain prints the score ask abstains on, with its features and the threshold', async () => {
    const q = 'How much does Enterprise cost per seat?';
    const s = await cli('search', q, '--explain', '-k', '3');
    const a = (await cli('ask', q, '--json', '-k', '3')).json();
    const shown = Number(/sufficiency: (\d\.\d{3})/.exec(s.out)![1]);
    assert.equal(shown, Number(a.sufficiency.toFixed(3)));
    assert.match(s.out, /features: .*idfCoverage/);
    const strict = await cli('ask', q, '-k', '3', '--min-sufficiency', '0.9999');
    assert.match(strict.out, /I don't know based on the provided documents\.[\s\S]*abstained: insufficient-context; sufficiency \d\.\d{3} < 0\.9999/);
    assert.equal((await cli('ask', q, '--min-sufficiency', 'high')).code, 2);
  });
});
