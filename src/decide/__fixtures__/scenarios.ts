/**
 * Small runs modelled on the seeds' cases, each with the recommendation it must lead to.
 */
import type { EvalRun } from '../../spec/evaluation.js';
import { buildRun } from './build-run.js';
import type { FixtureItem, ModeOutcome } from './build-run.js';

const ok: ModeOutcome = { text: 'right', correct: true };
const bad: ModeOutcome = { text: 'wrong', correct: false };
const prose: ModeOutcome = { text: 'A paragraph of accurate prose.', correct: true, metrics: { formatConsistency: 0 } };

function items(n: number, prefix: string, modes: FixtureItem['modes'], retrieved: FixtureItem['retrieved'] = [['kb/a.md', 'kb/a.md#0', 0, 500]], sources: FixtureItem['item']['sources'] = [{ documentId: 'kb/a.md', start: 100, end: 200 }]): FixtureItem[] {
  return Array.from({ length: n }, (_, i) => ({ item: { id: `${prefix}-${i + 1}`, question: `Question ${prefix} ${i + 1}?`, answers: ['x'], sources, answerable: true }, modes, retrieved }));
}

/** Team A: outdated pricing. Closed-book wrong, RAG over current documents and the oracle right. */
export const staleKnowledge: EvalRun = buildRun({ id: 'stale', items: [...items(14, 'price', { 'closed-book': bad, rag: ok, oracle: ok }), ...items(6, 'ok', { 'closed-book': ok, rag: ok, oracle: ok })] });

/** Team B: the legal summariser writes prose instead of the JSON, even with the oracle. */
export const wrongFormat: EvalRun = buildRun({ id: 'format', items: [...items(12, 'fmt', { 'closed-book': prose, rag: prose, oracle: prose }), ...items(8, 'ok', { 'closed-book': ok, rag: ok, oracle: ok })] });

/** Bad chunking: the oracle is right, RAG wrong, the answer's span is split across two chunks. */
export const badChunking: EvalRun = buildRun({
  id: 'chunking',
  items: [
    ...items(10, 'split', { 'closed-book': bad, rag: bad, oracle: ok }, [['kb/a.md', 'kb/a.md#0', 0, 150], ['kb/a.md', 'kb/a.md#1', 150, 300]]),
    ...items(4, 'kg', { 'closed-book': bad, rag: ok, oracle: ok }),
    ...items(6, 'ok', { 'closed-book': ok, rag: ok, oracle: ok }),
  ],
});

/** Both: stale facts and the wrong format. */
export const both: EvalRun = buildRun({ id: 'both', items: [...staleKnowledge.items!.map((item) => ({ item, modes: { 'closed-book': bad, rag: ok, oracle: ok } })), ...items(6, 'fmt', { 'closed-book': prose, rag: prose, oracle: prose })] });

/** A model that already answers everything closed-book. */
export const alreadyFine: EvalRun = buildRun({ id: 'fine', items: items(20, 'ok', { 'closed-book': ok, rag: ok, oracle: ok }) });
