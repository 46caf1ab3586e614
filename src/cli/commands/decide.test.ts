import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askMissing } from './decide.js';
import { supportRun } from '../../decide/__fixtures__/support-run.js';
import { wrongFormat } from '../../decide/__fixtures__/scenarios.js';
import { runCliCaptured } from '../__fixtures__/run-cli.js';

const cli = (cwd: string, ...args: string[]) => runCliCaptured({ cwd, args });

describe('fathom diagnose / decide / report', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-decide-cli-'));
    mkdirSync(join(dir, '.fathom', 'runs'), { recursive: true });
    writeFileSync(join(dir, 'format-run.json'), JSON.stringify(wrongFormat));
    writeFileSync(join(dir, '.fathom', 'runs', 'eval-support.json'), JSON.stringify(supportRun));
    writeFileSync(join(dir, 'answers.json'), JSON.stringify({ knowledgeChanges: 'weekly', citations: 'required', labelledExamples: 900 }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('diagnose reads the newest run by default and prints classes with intervals', async () => {
    const r = await cli(dir, 'diagnose');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Diagnosis of eval-20250602-support: hybrid/);
    assert.match(r.out, /retrieval-miss\s+9\s+17%\s+\(95% CI 9%–30%\)/);
    const j = (await cli(dir, 'diagnose', 'format-run.json', '--json')).json();
    assert.equal(j.recommendation.primary, 'fine-tuning');
  });
  it('diagnose explains a missing run or a malformed file', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'fathom-decide-empty-'));
    try {
      const r = await cli(empty, 'diagnose');
      assert.equal(r.code, 2);
      assert.match(r.err, /No evaluation run .*fathom eval/);
      writeFileSync(join(empty, 'bad.json'), '{"results": 3');
      assert.match((await cli(empty, 'diagnose', 'bad.json')).err, /FILE_MALFORMED.*not valid JSON/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
  it('decide combines flags, an answers file and defaults, and says which were assumed', async () => {
    const r = await cli(dir, 'decide', '--answers', 'answers.json', '--queries-per-month', '100k', '--latency-ms', '800', '--json');
    assert.equal(r.code, 0, r.err);
    const d = r.json();
    assert.equal(d.recommendation, 'hybrid');
    assert.equal(d.answers.queriesPerMonth, 100000);
    assert.deepEqual(d.assumed, ['onPrem']);
    assert.match(r.err, /Assumed defaults for: --on-prem false/);
    const human = await cli(dir, 'decide', '--run', 'format-run.json', '--labelled-examples', '2000', '--citations', 'not-needed', '--on-prem');
    assert.match(human.out, /^Decision: fine-tuning/);
    assert.match(human.out, /Run it on-premise/);
    const bad = await cli(dir, 'decide', '--knowledge-changes', 'fortnightly');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--knowledge-changes "fortnightly" is not allowed: use one of "never"/);
  });
  it('asks unanswered questions on a terminal, re-asking after an invalid reply', async () => {
    const replies = ['weekly', 'maybe', '', 'required', '', '50k', '300'];
    const prompts: string[] = [];
    const answers = await askMissing({ answers: { onPrem: true }, ask: async (p) => (prompts.push(p), replies.shift() ?? '') });
    assert.deepEqual(answers, { onPrem: true, knowledgeChanges: 'weekly', citations: 'required', latencyBudgetMs: null, queriesPerMonth: 50000, labelledExamples: 300 });
    assert.ok(prompts.some((p) => /citations must be required/.test(p)));
    assert.ok(!prompts.some((p) => /on-premise/.test(p)));
  });
  it('report writes HTML, Markdown and JSON whose numbers agree', async () => {
    for (const [fmt, file] of [['html', 'r.html'], ['md', 'r.md'], ['json', 'r.json']]) {
      const r = await cli(dir, 'report', '.fathom/runs/eval-support.json', '--format', fmt!, '--out', `out/${file}`, '--answers', 'answers.json');
      assert.equal(r.code, 0, r.err);
    }
    const json = JSON.parse(readFileSync(join(dir, 'out', 'r.json'), 'utf8'));
    const html = readFileSync(join(dir, 'out', 'r.html'), 'utf8');
    const md = readFileSync(join(dir, 'out', 'r.md'), 'utf8');
    const rag = json.accuracy.rag;
    assert.ok(html.includes(`<b>${Math.round(rag.share * 100)}%</b><span>correct · rag</span>`));
    assert.ok(md.includes(`${(rag.share * 100).toFixed(1)}% (${rag.correct}/${rag.total})`));
    assert.equal(json.decision.recommendation, 'hybrid');
    assert.match(html, /id="chart-cost"/);
    const stdout = await cli(dir, 'report', 'format-run.json', '--format', 'md');
    assert.match(stdout.out, /^# fathom evaluation report: format/);
    assert.equal((await cli(dir, 'report', 'format-run.json', '--format', 'pdf')).code, 2);
  });
});
