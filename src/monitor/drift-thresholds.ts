import type { DriftSignalName } from '../spec/monitor.js';

/** A freshness rule: documents older than `maxAgeDays` (by source modification time, else last ingest) are stale. */
export interface FreshnessRule {
  maxAgeDays: number;
  /** Per-collection overrides. */
  collections?: Record<string, number>;
}

/** Thresholds of {@link checkDrift}: a signal alerts only when the change is both large and significant. */
export interface DriftThresholds {
  /** Entries needed on each side before a signal may alert. @default 30 */
  minSamples: number;
  /** Significance level of every test (small: about ten signals are tested per check). @default 0.001 */
  alpha: number;
  /** KS statistic D needed for a distribution shift. @default 0.2 */
  ksD: number;
  /** Absolute rise of a rate (abstention, unsupported citations, no sufficient context, thumbs-down). @default 0.1 */
  rateRise: number;
  /** Absolute rise of the share of queries with a term the baseline never saw. @default 0.15 */
  newTermRise: number;
  /**
   * Jensen–Shannon divergence (bits) of the current window's query terms from the baseline's, above what the same
   * sample sizes give without a shift (permutation mean). @default 0.05
   */
  termDivergence: number;
  /** Terms in fewer queries (both windows) are pooled as one rare term for the divergence. @default 5 */
  minTermQueries: number;
  /** Distance between the centroids of unit query embeddings, above its no-shift expectation (needs an embedding model). @default 0.1 */
  embeddingShift: number;
  /** Sufficiency below which a query counts as having no sufficient context. @default 0.5 */
  sufficiency: number;
  /** Median ratio needed for a latency or cost alert (current / baseline). @default 1.25 */
  costRatio: number;
  /** Absolute rise of the share of answers citing a document older than the freshness rule. @default 0.05 */
  staleRise: number;
}

export const defaultDriftThresholds: DriftThresholds = {
  minSamples: 30, alpha: 0.001, ksD: 0.2, rateRise: 0.1, newTermRise: 0.15, termDivergence: 0.05, minTermQueries: 5, embeddingShift: 0.1, sufficiency: 0.5, costRatio: 1.25, staleRise: 0.05,
};

/** What to do when a signal alerts: the advice `fathom monitor check` prints (one per signal: a new signal without advice does not compile). */
export const driftAdvice: Record<DriftSignalName, string> = {
  'new-terms': 'Queries use terms the baseline never saw: look at the new topics (`fathom log list --since 1d`), ingest documents that cover them, and add golden items for them (`fathom golden from-feedback`).',
  'term-divergence': 'The mix of query terms moved away from the baseline: look at the new topics (`fathom log list --since 1d`), ingest what they need, add golden items for them, and re-run the golden set (`fathom eval run`).',
  'embedding-shift': 'The meaning of the queries moved away from the baseline (embedding centroid): look at the new topics, ingest what they need, and re-run the golden set; if the domain keeps moving, consider retraining the embedding adapter (`trainEmbeddingAdapter`) or the model from feedback (`fathom tune build --from-feedback`).',
  'no-sufficient-context': 'More queries find no sufficient context: the corpus does not cover what users now ask — ingest the missing sources, then re-run the golden set (`fathom eval run`).',
  'top-score-shift': 'Retrieval scores dropped: re-run the golden set (`fathom eval run`) to see whether retrieval quality fell; re-ingest sources that changed.',
  'sufficiency-shift': 'The sufficiency signal dropped: re-run the golden set and re-ingest stale or changed sources (`fathom audit`).',
  'abstention-rate': 'The assistant abstains more often: check for new topics and missing sources; re-run the golden set.',
  'unsupported-citations': 'More answers carry unsupported citations: re-run the golden set; if the failures are behaviour, not missing knowledge, consider retraining (`fathom diagnose`, `fathom tune build --from-feedback`).',
  'judge-score': 'The judge scores answers lower: re-run the golden set; consider retraining from feedback (`fathom tune build --from-feedback`).',
  'negative-feedback': 'Users give more thumbs-down: review them (`fathom golden from-feedback`), re-run the golden set, and consider retraining from the corrections (`fathom tune build --from-feedback`).',
  'stale-sources': 'Answers rely on documents older than the freshness rule: re-ingest the stale sources (`fathom audit` lists them).',
  'latency-shift': 'Latency rose: check the model provider, the prompt size and the retrieval depth.',
  'cost-shift': 'Cost per answer rose: check the model, its price table and the prompt size.',
};
