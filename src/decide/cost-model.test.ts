import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { costModel } from './cost-model.js';
import { measureRun } from './measure-run.js';
import { supportRun } from './__fixtures__/support-run.js';
import { FathomError } from '../util/errors.js';

const prices = { base: { inputPerMillion: 1, outputPerMillion: 2 }, tuned: { inputPerMillion: 2, outputPerMillion: 4 } };
const tokens = { rag: { inputTokens: 1000, outputTokens: 100 }, 'closed-book': { inputTokens: 100, outputTokens: 100 } };

describe('costModel', () => {
  const m = costModel({
    model: 'base', tunedModel: 'tuned', prices, tokens, retrievalInfraPerMonth: 100, trainingExamples: 1000, tokensPerExample: 200,
    epochs: 2, trainingPerMillion: 10, dataPrepHoursPerExample: 0.01, hourlyRateUsd: 50, amortizeMonths: 10, queriesPerMonth: 50000,
  });
  const opt = Object.fromEntries(m.options.map((o) => [o.name, o]));
  it('prices each option per query from the tokens (hand-computed)', () => {
    assert.equal(opt.rag!.perQueryUsd, (1000 * 1 + 100 * 2) / 1e6); // 0.0012
    assert.equal(opt['fine-tuned']!.perQueryUsd, (100 * 2 + 100 * 4) / 1e6); // 0.0006
    assert.equal(opt.hybrid!.perQueryUsd, (1000 * 2 + 100 * 4) / 1e6); // 0.0024
  });
  it('adds one-time costs (data preparation + training) amortised per month', () => {
    // data prep 1000 × 0.01 h × $50 = $500; training 1000 × 200 × 2 × $10/M = $4
    assert.equal(opt['fine-tuned']!.oneTimeUsd, 504);
    assert.ok(Math.abs(opt['fine-tuned']!.fixedPerMonthUsd - 50.4) < 1e-9);
    assert.ok(Math.abs(opt.hybrid!.fixedPerMonthUsd - 150.4) < 1e-9);
    assert.equal(opt.rag!.fixedPerMonthUsd, 100);
    assert.ok(Math.abs(opt.rag!.monthlyUsd - (100 + 50000 * 0.0012)) < 1e-9);
  });
  it('finds the break-even volume and reports when none exists', () => {
    const ragFt = m.breakEven.find((b) => b.a === 'rag' && b.b === 'fine-tuned')!;
    // 100 + 0.0012 q = 50.4 + 0.0006 q → q < 0: fine-tuned cheaper at every volume
    assert.equal(ragFt.queriesPerMonth, null);
    assert.match(ragFt.note, /fine-tuned is cheaper than rag at every volume/);
    const ftHybrid = m.breakEven.find((b) => b.a === 'fine-tuned' && b.b === 'hybrid')!;
    assert.equal(ftHybrid.queriesPerMonth, null);
    const m2 = costModel({ model: 'base', tunedModel: 'tuned', prices, tokens, retrievalInfraPerMonth: 100, trainingExamples: 1000, tokensPerExample: 200, epochs: 2, trainingPerMillion: 10, dataPrepHoursPerExample: 0.1, hourlyRateUsd: 60, amortizeMonths: 12 });
    // fine-tuned fixed = (6000 + 4) / 12 = 500.333…; 100 + 0.0012 q = 500.333 + 0.0006 q → q = 667,222
    const b = m2.breakEven.find((x) => x.a === 'rag' && x.b === 'fine-tuned')!;
    assert.ok(Math.abs(b.queriesPerMonth! - (6004 / 12 - 100) / 0.0006) < 1e-3);
    assert.match(b.note, /rag is cheaper below 670k queries\/month, fine-tuned above/);
    assert.ok(m2.chart.xMax >= b.queriesPerMonth!);
  });
  it('returns chart points on each line', () => {
    for (const s of m.chart.series) {
      const o = opt[s.name]!;
      assert.equal(s.points.length, 41);
      for (const [x, y] of s.points) assert.ok(Math.abs(y - (o.fixedPerMonthUsd + x * o.perQueryUsd)) < 1e-6);
    }
    assert.equal(m.cheapest, 'fine-tuned');
  });
  it('uses the tokens measured from a run and records every assumption', () => {
    const measured = measureRun({ run: supportRun });
    const rag = measured.find((x) => x.mode === 'rag')!;
    assert.ok(rag.inputTokens > 5 * measured.find((x) => x.mode === 'closed-book')!.inputTokens, 'RAG prompts are longer');
    const c = costModel({ measurements: measured });
    assert.equal(c.options[0]!.inputTokens, rag.inputTokens);
    assert.ok(c.assumptions.some((a) => /default list price, 2025-01/.test(a)));
  });
  it('names the missing model and how to price it', () => {
    assert.throws(() => costModel({ model: 'acme:big' }), (e: unknown) => FathomError.isInstance(e) && /No price for model "acme:big"/.test(e.message));
  });
});
