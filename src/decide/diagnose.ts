import type { Diagnosis, EvalItemResult, EvalMode, EvalRun, FailureClass, GoldenItem } from '../spec/evaluation.js';
import { FathomError } from '../util/errors.js';
import { classifyItem } from './classify-item.js';
import type { DiagnoseThresholds } from './classify-item.js';
import { _recommend } from './_recommend.js';
import { runAnswerer } from './run-answerer.js';
import { _wilson } from './_wilson.js';

/** Every failure class, in report order. */
export const failureClasses: FailureClass[] = [
  'knowledge-gap-closed-by-rag', 'retrieval-miss', 'partial-retrieval', 'grounding-failure', 'ingestion-loss', 'behaviour-gap', 'answerer-limit',
  'format-failure', 'constraint-failure', 'over-abstention', 'hallucination-on-unanswerable', 'passing',
];

export interface DiagnoseOptions {
  run: EvalRun;
  /** Golden items, when the run does not carry them (`run.items`). Without them every item counts as answerable. */
  items?: GoldenItem[];
  thresholds?: DiagnoseThresholds;
}

/**
 * Classify every item of a run from its three modes and its retrieval trace, aggregate the classes with Wilson
 * 95% intervals, and recommend (better prompt, RAG, which retrieval fix, fine-tuning on which items, or the
 * hybrid) with the evidence and its uncertainty.
 */
export function diagnose({ run, items = run.items, thresholds = {} }: DiagnoseOptions): Diagnosis {
  if (!run || !Array.isArray(run.results)) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'diagnose() needs an evaluation run with `results`: pass the JSON written by `fathom eval`.' });
  }
  const golden = new Map((items ?? []).map((i) => [i.id, i]));
  const byItem = new Map<string, Partial<Record<EvalMode, EvalItemResult>>>();
  for (const r of run.results) {
    const entry = byItem.get(r.itemId) ?? {};
    entry[r.mode] = r;
    byItem.set(r.itemId, entry);
  }
  const answerer = runAnswerer(run);
  const diagnosed = [...byItem].map(([itemId, results]) => classifyItem({ itemId, item: golden.get(itemId), results, thresholds, answerer }));
  const n = diagnosed.length;
  const classes = Object.fromEntries(failureClasses.map((c) => {
    const count = diagnosed.filter((d) => d.classes.includes(c)).length;
    return [c, { count, share: n ? count / n : 0, ci95: _wilson(count, n) }];
  })) as Diagnosis['classes'];
  return { runId: run.id, ...(answerer ? { answerer } : {}), items: diagnosed, classes, recommendation: _recommend({ run, items: diagnosed, golden, thresholds, answerer }) };
}
