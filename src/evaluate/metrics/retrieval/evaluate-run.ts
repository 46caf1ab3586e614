import type { Qrels, Run } from '../../../spec/qrels.js';
import { FathomError } from '../../../util/errors.js';
import type { RankedJudgments } from './_judged.js';
import { hitRateAtK } from './hit-rate-at-k.js';
import { mapAtK } from './map-at-k.js';
import { mrrAtK } from './mrr-at-k.js';
import { ndcgAtK } from './ndcg-at-k.js';
import { precisionAtK } from './precision-at-k.js';
import { rankRun } from './rank-run.js';
import { recallAtK } from './recall-at-k.js';

/** Metric families; a metric is named `family@k`, e.g. `ndcg@10`, `recall@100`. */
export type RetrievalMetricFamily = 'ndcg' | 'recall' | 'precision' | 'mrr' | 'map' | 'hit_rate';
export type RetrievalMetricName = `${RetrievalMetricFamily}@${number}`;

const families: Record<RetrievalMetricFamily, (input: RankedJudgments) => number> = {
  ndcg: ndcgAtK,
  recall: recallAtK,
  precision: precisionAtK,
  mrr: mrrAtK,
  map: mapAtK,
  hit_rate: hitRateAtK,
};

/** Options of {@link evaluateRun}. */
export interface EvaluateRunOptions {
  run: Run;
  qrels: Qrels;
  /** @default ['ndcg@10', 'recall@10', 'recall@100', 'mrr@10', 'map@100'] */
  metrics?: readonly string[];
  /**
   * trec_eval `-c`: average over every query in the qrels, a query missing from the run scoring 0.
   * Off (trec_eval's default): only queries in both run and qrels are evaluated. @default false
   */
  complete?: boolean;
  /** Smallest grade that counts as relevant (trec_eval `-l`). @default 1 */
  relevanceLevel?: number;
}

/** Per-query and mean values of each metric. */
export interface EvaluateRunResult {
  /** queryId → metric → value, for every evaluated query. */
  perQuery: Record<string, Record<string, number>>;
  /** metric → mean over evaluated queries (0 when none). */
  mean: Record<string, number>;
  /** Number of queries averaged over. */
  queries: number;
}

/**
 * Scores a run against qrels with trec_eval's definitions. A query is evaluated when it has qrels lines
 * and is a key of the run (an empty list scores 0 — trec_eval cannot express that; use `complete` to
 * count queries that are absent from the run). A query with qrels lines that are all grade ≤ 0 is
 * evaluated and scores 0, as in trec_eval; queries with no qrels lines are skipped.
 */
export function evaluateRun({ run, qrels, metrics = ['ndcg@10', 'recall@10', 'recall@100', 'mrr@10', 'map@100'], complete = false, relevanceLevel = 1 }: EvaluateRunOptions): EvaluateRunResult {
  const parsed = metrics.map(_parseMetric);
  const perQuery: Record<string, Record<string, number>> = {};
  const sums: Record<string, number> = Object.fromEntries(metrics.map((m) => [m, 0]));
  let queries = 0;
  const ids = complete ? [...qrels.keys()] : [...run.keys()].filter((id) => qrels.has(id));
  for (const queryId of ids) {
    const judgments = qrels.get(queryId)!;
    const ranked = rankRun({ entries: run.get(queryId) ?? [], queryId });
    const values: Record<string, number> = {};
    for (const { name, family, k } of parsed) {
      values[name] = families[family]({ ranked, judgments, k, relevanceLevel });
      sums[name]! += values[name]!;
    }
    perQuery[queryId] = values;
    queries++;
  }
  const mean = Object.fromEntries(metrics.map((m) => [m, queries === 0 ? 0 : sums[m]! / queries]));
  return { perQuery, mean, queries };
}

function _parseMetric(name: string): { name: string; family: RetrievalMetricFamily; k: number } {
  const match = /^([a-z_]+)@(\d+)$/.exec(name);
  const family = match?.[1] as RetrievalMetricFamily | undefined;
  const k = Number(match?.[2]);
  if (!family || !(family in families) || !Number.isInteger(k) || k < 1) {
    throw new FathomError({
      code: 'INVALID_ARGUMENT',
      message: `Unknown retrieval metric '${name}': use <family>@<k> with family one of ${Object.keys(families).join(', ')} and k ≥ 1, e.g. 'ndcg@10'.`,
      details: { metric: name },
    });
  }
  return { name, family, k };
}
