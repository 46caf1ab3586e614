import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decide } from './decide.js';
import { diagnose } from './diagnose.js';
import { resolveAnswers, questions } from './questionnaire.js';
import { supportRun } from './__fixtures__/support-run.js';
import { alreadyFine, staleKnowledge, wrongFormat } from './__fixtures__/scenarios.js';
import { FathomError } from '../util/errors.js';

const support = diagnose({ run: supportRun });

describe('decide', () => {
  it('weekly changes + citations + enough examples + both gaps → hybrid, with reasons', () => {
    const d = decide({ diagnosis: support, run: supportRun, answers: { knowledgeChanges: 'weekly', citations: 'required', labelledExamples: 800, queriesPerMonth: 100000, latencyBudgetMs: 1500 } });
    assert.equal(d.recommendation, 'hybrid');
    const by = Object.fromEntries(d.reasons.map((r) => [r.factor, r]));
    assert.equal(by['knowledge-changes']!.favours, 'rag');
    assert.equal(by.citations!.favours, 'rag');
    assert.equal(by['labelled-examples']!.favours, 'fine-tuning');
    assert.match(by.latency!.text, /exceeds the 1500 ms budget/);
    assert.deepEqual(d.assumed, ['onPrem']);
    assert.ok(d.nextSteps.some((s) => s.startsWith('chunking:')));
  });
  it('fewer than 500 labelled examples turns fine-tuning into prompt work (and keeps RAG)', () => {
    const d = decide({ diagnosis: support, run: supportRun, answers: { labelledExamples: 120 } });
    assert.equal(d.recommendation, 'rag');
    assert.match(d.reasons.find((r) => r.factor === 'labelled-examples')!.text, /Only 120 labelled examples/);
    assert.equal(decide({ diagnosis: diagnose({ run: wrongFormat }), answers: { labelledExamples: 120 } }).recommendation, 'better-prompt');
  });
  it('behaviour only → fine-tuning, unless citations are required (then hybrid)', () => {
    const diagnosis = diagnose({ run: wrongFormat });
    assert.equal(decide({ diagnosis, answers: { labelledExamples: 2000, citations: 'not-needed' } }).recommendation, 'fine-tuning');
    assert.equal(decide({ diagnosis, answers: { labelledExamples: 2000, citations: 'required' } }).recommendation, 'hybrid');
  });
  it('knowledge only → RAG; already fine → better prompt; every default is listed as assumed', () => {
    assert.equal(decide({ diagnosis: diagnose({ run: staleKnowledge }), answers: { knowledgeChanges: 'never', labelledExamples: 5000 } }).recommendation, 'rag');
    const d = decide({ diagnosis: diagnose({ run: alreadyFine }) });
    assert.equal(d.recommendation, 'better-prompt');
    assert.deepEqual(d.assumed, questions.map((q) => q.key));
  });
  it('prices on-premise deployments as self-hosted and says so', () => {
    const d = decide({ diagnosis: support, run: supportRun, answers: { onPrem: true } });
    assert.equal(d.costs.options[0]!.model, 'self-hosted:8b');
    assert.equal(d.costs.options[0]!.breakdown.hosting, 730);
    assert.ok(d.reasons.some((r) => r.factor === 'privacy'));
  });
});

describe('questionnaire', () => {
  it('parses typed replies and flag values', () => {
    const { answers } = resolveAnswers({ knowledgeChanges: 'Weekly' as never, citations: 'yes' as never, queriesPerMonth: '100k' as never, onPrem: 'n' as never, latencyBudgetMs: '800' as never });
    assert.deepEqual(answers, { knowledgeChanges: 'weekly', citations: 'required', latencyBudgetMs: 800, onPrem: false, queriesPerMonth: 100000, labelledExamples: 0 });
  });
  it('rejects nonsense with an actionable message', () => {
    assert.throws(() => resolveAnswers({ knowledgeChanges: 'fortnightly' as never }), (e: unknown) => FathomError.isInstance(e) && /one of never, yearly/.test(e.message));
    assert.throws(() => resolveAnswers({ queriesPerMonth: -5 }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_ARGUMENT');
  });
});
