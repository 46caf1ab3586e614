import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Answer, AnswerSource, ContextSource } from '../../spec/answer.js';
import type { GoldenItem } from '../../spec/evaluation.js';
import type { Store } from '../../spec/store.js';
import { createSqliteStore } from '../../store/sqlite/index.js';
import type { FathomError } from '../../util/errors.js';
import { fakeAnswer } from '../__fixtures__/answers.js';
import { createMockChatModel, type MockChatModelOptions } from '../../testing/mock-chat-model.js';
import { createJudge } from '../judge/create-judge.js';
import { evaluate, type EvalPipeline } from './evaluate.js';

const scriptedChatModel = (reply: MockChatModelOptions['reply']) => createMockChatModel({ reply, provider: 'scripted', modelId: 'judge-1', usage: { inputTokens: 100, outputTokens: 20 } });

const PRICING = '# Pricing\n\nEnterprise costs $54 per seat per month with a minimum of 20 seats.\n\nTeam costs $12.';
const SLA = '# SLA\n\nBusiness gets 99.9% uptime. Enterprise gets 99.95% uptime.';
const items: GoldenItem[] = [
  { id: 'price', question: 'How much is Enterprise per seat?', answers: ['$54 per seat per month'], sources: [{ documentId: 'pricing.md', start: 11, end: 80 }], answerable: true },
  { id: 'sla', question: 'What is the Enterprise SLA?', answers: ['99.95%'], sources: [{ documentId: 'sla.md' }], answerable: true },
  { id: 'ceo', question: 'Who is the CEO?', answers: [], sources: [], answerable: false },
];

let dir: string;
let store: Store;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fathom-eval-'));
  store = await createSqliteStore({ path: join(dir, 'kb.db') });
  const write = (id: string, text: string) => ({
    document: { id, source: id, title: id, text, format: 'markdown' as const, metadata: {} }, contentHash: id,
    chunks: [{ text, start: 0, end: text.length, headingPath: [], tokenCount: 10, role: 'leaf' as const }], at: 1,
  });
  await store.commit({ tenant: 't', writes: [write('pricing.md', PRICING), write('sla.md', SLA)] });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const src = (n: number, documentId: string, text: string): AnswerSource => ({ n, documentId, chunkId: `${documentId}:0`, title: documentId, text });

/** A model with stale knowledge: closed-book says $49; RAG retrieves the wrong document for the SLA question; abstains on the CEO. */
function stalePipeline(calls: Array<{ question: string; context: ContextSource }>): EvalPipeline {
  return {
    async answer({ question, context }) {
      calls.push({ question, context });
      const base = { question, latencyMs: { total: 5 }, costUsd: 0.001 };
      if (question.includes('CEO')) return fakeAnswer({ ...base, text: 'I cannot find that.', abstained: true, abstainReason: 'insufficient-context' });
      if (context === 'none') return fakeAnswer({ ...base, text: question.includes('SLA') ? 'It is 99.95%.' : 'Enterprise costs $49 per seat.' });
      if (context === 'retrieve') {
        const sources = question.includes('SLA') ? [src(1, 'pricing.md', PRICING)] : [src(1, 'pricing.md', PRICING), src(2, 'sla.md', SLA)];
        const text = question.includes('SLA') ? 'The SLA is 99.9% [1].' : 'Enterprise costs $54 per seat per month [1].';
        return fakeAnswer({ ...base, context: 'retrieve', sources, text, citations: [{ n: 1, valid: true, documentId: 'pricing.md', sentence: text, sentenceStart: 0, sentenceEnd: text.length, support: 1, supported: true, verifier: 'lexical' }] });
      }
      const passages = context.passages;
      const text = question.includes('SLA') ? 'Enterprise gets 99.95% uptime.' : 'Enterprise costs $54 per seat per month.';
      return fakeAnswer({ ...base, context: 'given', sources: passages.map((p, i) => ({ n: i + 1, title: p.title ?? '', text: p.text, documentId: p.documentId })), text });
    },
  };
}

describe('evaluate', () => {
  it('runs every item in three modes, resolves oracle passages through the store, scores and summarises', async () => {
    const calls: Array<{ question: string; context: ContextSource }> = [];
    const run = await evaluate({ items, pipeline: stalePipeline(calls), store, tenant: 't', retrievalDepth: 5, _internal: { now: () => 42, generateId: () => 'eval-1' } });
    assert.equal(run.results.length, 9);
    assert.equal(calls.length, 9);
    const oracle = calls.find((c) => c.question.includes('Enterprise per seat') && typeof c.context === 'object')!.context as { passages: Array<{ text: string }> };
    assert.equal(oracle.passages[0]!.text, PRICING.slice(11, 80));
    const r = (id: string, mode: string) => run.results.find((x) => x.itemId === id && x.mode === mode)!;
    assert.equal(r('price', 'closed-book').correct, false);
    assert.equal(r('price', 'rag').correct, true);
    assert.equal(r('price', 'oracle').correct, true);
    assert.equal(r('sla', 'rag').correct, false);
    assert.equal(r('sla', 'rag').metrics['recall@5'], 0);
    assert.equal(r('price', 'rag').metrics['mrr@5'], 1);
    assert.equal(r('price', 'rag').metrics['recall@10'], undefined, 'a list 5 deep cannot measure @10');
    assert.equal(r('price', 'rag').metrics['mrr@10'], undefined);
    assert.deepEqual(r('price', 'rag').retrieved?.map((x) => x.documentId), ['pricing.md', 'sla.md']);
    assert.equal(r('ceo', 'closed-book').correct, true);
    assert.equal(r('price', 'rag').metrics.citation_recall, 1);
    assert.deepEqual(run.summary['closed-book'].accuracy, 2 / 3);
    assert.deepEqual(run.summary.rag.accuracy, 2 / 3);
    assert.deepEqual(run.summary.oracle.accuracy, 1);
    assert.equal(run.summary.oracle.abstention_precision, 1);
    assert.equal(run.summary.oracle.abstention_recall, 1);
    assert.equal(run.summary.rag.cost_usd, 0.001);
    assert.equal(run.id, 'eval-1');
    assert.equal(run.createdAt, 42);
    assert.equal(run.items?.length, 3);
    assert.match(run.configHash, /^[0-9a-f]{16}$/);
  });

  it('labels @k metrics at min(k, depth): 3-deep retrieval gives @3, never an @10 computed on 3', async () => {
    const run = await evaluate({ items: items.slice(0, 1), pipeline: stalePipeline([]), modes: ['rag'], store, tenant: 't' });
    const m = run.results[0]!.metrics;
    assert.deepEqual(Object.keys(m).filter((k) => k.includes('@')).sort(), ['all_retrieved@2', 'hit_rate@2', 'mrr@2', 'recall@2']);
    const deep = await evaluate({ items: items.slice(0, 1), pipeline: stalePipeline([]), modes: ['rag'], store, tenant: 't', retrievalDepth: 20 });
    assert.equal(deep.results[0]!.metrics['recall@10'], 1);
    assert.equal(deep.results[0]!.metrics['recall@5'], 1);
  });

  it('scores exact match and F1 on the answer span, and keeps the whole text\'s scores beside them', async () => {
    const item: GoldenItem = { id: 'span', question: 'How much per seat?', answers: ['$54'], sources: [], answerable: true };
    const pipeline: EvalPipeline = { answer: async ({ question }) => fakeAnswer({ question, text: 'Enterprise costs $54 per seat per month [1].', span: '$54' }) };
    const [r] = (await evaluate({ items: [item], pipeline, modes: ['closed-book'] })).results;
    assert.equal(r!.metrics.exact_match, 1);
    assert.equal(r!.metrics.token_f1, 1);
    assert.equal(r!.metrics.exact_match_text, 0);
    assert.ok(r!.metrics.token_f1_text! < 0.5);
    assert.equal(r!.correct, true);
  });

  it('records the answerer; with the extractive one closed-book is not run and recorded as not measured', async () => {
    const calls: Array<{ question: string; context: ContextSource }> = [];
    const run = await evaluate({ items, pipeline: stalePipeline(calls), store, tenant: 't', answerer: 'extractive' });
    assert.equal(run.answerer, 'extractive');
    assert.deepEqual(run.modes, ['rag', 'oracle']);
    assert.match(run.notMeasured?.['closed-book'] ?? '', /not measured: the extractive answerer has no knowledge of its own/);
    assert.ok(!calls.some((c) => c.context === 'none'));
    assert.equal(run.summary['closed-book'], undefined);
    const named = await evaluate({ items: items.slice(0, 1), pipeline: stalePipeline([]), modes: ['closed-book'] });
    assert.equal(named.answerer, 'fake:model', 'defaults to the model the answers name');
  });

  it('records whether a reference answer is in the context at all (answer_in_context)', async () => {
    const run = await evaluate({ items: items.slice(0, 2), pipeline: stalePipeline([]), modes: ['rag', 'oracle'], store, tenant: 't' });
    const r = (id: string, mode: string) => run.results.find((x) => x.itemId === id && x.mode === mode)!;
    assert.equal(r('price', 'oracle').metrics.answer_in_context, 1);
    assert.equal(r('sla', 'rag').metrics.answer_in_context, 0, 'the SLA item retrieved only the pricing page');
  });

  it('counts a multi-source item as all-retrieved only when every expected document is in the context', async () => {
    const both: GoldenItem = { id: 'both', question: 'What does the SLA of the Enterprise plan say?', answers: ['99.95%'], sources: [{ documentId: 'pricing.md' }, { documentId: 'sla.md' }], answerable: true };
    const run = await evaluate({ items: [both], pipeline: stalePipeline([]), modes: ['rag'], store, tenant: 't', retrievalDepth: 5 });
    const m = run.results[0]!.metrics;
    assert.equal(m['hit_rate@5'], 1, 'one of two found is a hit');
    assert.equal(m['recall@5'], 0.5);
    assert.equal(m['all_retrieved@5'], 0, 'but not all retrieved');
  });

  it('rejects, before answering anything, a golden item whose source is not in the store, naming its line', async () => {
    const calls: Array<{ question: string; context: ContextSource }> = [];
    const ghost: GoldenItem = { id: 'ghost', question: 'q?', answers: ['x'], sources: [{ documentId: 'missing.md' }], answerable: true };
    await assert.rejects(
      evaluate({ items: [items[0]!, ghost], pipeline: stalePipeline(calls), store, tenant: 't', itemLines: { price: 1, ghost: 7 }, dataset: { path: 'g.jsonl', sha256: 'x' } }),
      (e: FathomError) => e.code === 'INVALID_DATASET' && /line 7: item 'ghost' expects document 'missing\.md'/.test(e.message) && /g\.jsonl/.test(e.message),
    );
    assert.equal(calls.length, 0);
  });

  it('turns a failing item into an error result and goes on; oracle without store or context is such an error', async () => {
    const pipeline: EvalPipeline = { async answer({ question }) { if (question.includes('SLA')) throw new Error('model crashed'); return fakeAnswer({ text: 'I do not know', abstained: true }); } };
    const run = await evaluate({ items, pipeline, modes: ['closed-book', 'oracle'] });
    const sla = run.results.find((x) => x.itemId === 'sla' && x.mode === 'closed-book')!;
    assert.deepEqual(sla.error, { code: 'INTERNAL', message: 'model crashed' });
    assert.equal(sla.correct, false);
    const oraclePrice = run.results.find((x) => x.itemId === 'price' && x.mode === 'oracle')!;
    assert.equal(oraclePrice.error?.code, 'INVALID_ARGUMENT');
    assert.equal(run.summary['closed-book'].error_rate, 1 / 3);
  });

  it('resumes from the cache: done work is skipped, changed items and errors re-run', async () => {
    const cacheDir = join(dir, 'cache');
    let failSla = true;
    const calls: string[] = [];
    const pipeline: EvalPipeline = {
      async answer({ question }) {
        calls.push(question);
        if (failSla && question.includes('SLA')) throw new Error('flaky');
        return fakeAnswer({ text: '$54 per seat per month' });
      },
    };
    const first = await evaluate({ items, pipeline, modes: ['closed-book'], cacheDir, config: { model: 'm1' } });
    assert.equal(calls.length, 3);
    failSla = false;
    const progress: number[] = [];
    const second = await evaluate({ items: [items[0]!, { ...items[1]! }, { ...items[2]!, question: 'Who is the chief executive?' }], pipeline, modes: ['closed-book'], cacheDir, config: { model: 'm1' }, onProgress: (p) => progress.push(p.cached) });
    assert.deepEqual(calls.slice(3).sort(), ['What is the Enterprise SLA?', 'Who is the chief executive?']);
    assert.equal(progress.at(-1), 1);
    assert.equal(second.configHash, first.configHash);
    assert.equal(readFileSync(join(cacheDir, `${first.configHash}.jsonl`), 'utf8').trim().split('\n').length, 5);
    const third = await evaluate({ items, pipeline, modes: ['closed-book'], cacheDir, config: { model: 'm2' } });
    assert.notEqual(third.configHash, first.configHash);
    assert.equal(calls.length, 8);
  });

  it('keeps at most `concurrency` answers in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const pipeline: EvalPipeline = {
      async answer() {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight--;
        return fakeAnswer({ text: 'x' });
      },
    };
    const many = Array.from({ length: 12 }, (_, i) => ({ ...items[0]!, id: `i${i}` }));
    await evaluate({ items: many, pipeline, modes: ['closed-book'], concurrency: 3 });
    assert.equal(peak, 3);
  });

  it('uses a correctness judge instead of the lexical rule when given, and records its verdict', async () => {
    const model = scriptedChatModel(() => JSON.stringify({ reasoning: 'wrong price', label: 'incorrect' }));
    const pipeline: EvalPipeline = { async answer() { return fakeAnswer({ text: '$54 per seat per month' }); } };
    const run = await evaluate({ items: [items[0]!], pipeline, modes: ['closed-book'], judge: { correctness: createJudge({ model }) } });
    const res = run.results[0]!;
    assert.equal(res.metrics.containment, 1);
    assert.equal(res.correct, false);
    assert.equal(res.verdicts?.correctness?.label, 'incorrect');
    assert.deepEqual(run.config.judges, { correctness: { model: 'scripted:judge-1', promptId: 'correctness@1' } });
  });

  it('asks for JSON when the item has an output schema and scores format and constraints', async () => {
    const item: GoldenItem = { id: 'j', question: 'Enterprise terms?', answers: ['{"price":54}', '$54 per seat'], sources: [], answerable: true,
      outputSchema: { type: 'object', required: ['price'], properties: { price: { type: 'number' } } }, constraints: [{ type: 'required-fields', fields: ['price'] }] };
    const formats: unknown[] = [];
    const pipeline: EvalPipeline = { async answer({ responseFormat }) { formats.push(responseFormat); return fakeAnswer({ text: 'Enterprise is $54 per seat.' }); } };
    const run = await evaluate({ items: [item], pipeline, modes: ['closed-book'], metrics: ['format_consistency', 'constraint_adherence'] });
    assert.deepEqual(formats[0], { type: 'json', schema: item.outputSchema, name: 'answer' });
    assert.deepEqual(run.results[0]!.metrics, { format_consistency: 0, constraint_adherence: 0, correct: 1 });
  });

  it('rejects bad options up front and throws INTERRUPTED when aborted', async () => {
    const pipeline: EvalPipeline = { async answer() { return fakeAnswer({ text: 'x' }); } };
    await assert.rejects(evaluate({ items, pipeline, modes: ['open-book' as never] }), /closed-book, rag or oracle/);
    await assert.rejects(evaluate({ items: [{ ...items[0]!, constraints: [{ type: 'predicate', name: 'polite' }] }], pipeline }), /predicate 'polite'/);
    const ctrl = new AbortController();
    const aborting: EvalPipeline = { async answer() { ctrl.abort(); return fakeAnswer({ text: 'x' }) as Answer; } };
    await assert.rejects(evaluate({ items, pipeline: aborting, signal: ctrl.signal, concurrency: 1 }), (e: FathomError) => e.code === 'INTERRUPTED');
  });
});
