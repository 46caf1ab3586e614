import type { EmbeddingModel } from '../spec/embedding-model.js';
import type { DriftReport } from '../spec/monitor.js';
import type { Store } from '../spec/store.js';
import { _driftReports, type _windowLengths } from './_drift-reports.js';
import { _embeddingShift, _reservoir } from './_embedding-shift.js';
import type { DriftThresholds, FreshnessRule } from './drift-thresholds.js';

export type { FreshnessRule } from './drift-thresholds.js';

/** Options of {@link checkDrift}. */
export interface CheckDriftOptions {
  store: Store;
  tenant: string;
  /** Current window length: `hour`, `day`, `week`, or ms. @default 'day' */
  window?: keyof typeof _windowLengths | number;
  /** The baseline is this many windows just before the current one. @default 7 */
  baselineWindows?: number;
  thresholds?: Partial<DriftThresholds>;
  /** Enables the `stale-sources` signal. */
  freshness?: FreshnessRule;
  /**
   * Enables the `embedding-shift` signal: a uniform sample of each window's queries (`maxQueries` per side,
   * @default 256) is embedded with `model` and the centroids compared. A model error fails the check.
   */
  embedding?: { model: EmbeddingModel; maxQueries?: number };
  signal?: AbortSignal;
  /** `pageSize`: audit entries read at once, at most (default 10,000). */
  _internal?: { now?: () => number; pageSize?: number };
}

/**
 * Compare the current window of the audit log with a baseline: query mix (new terms, no sufficient context),
 * retrieval health (top-score and sufficiency KS shifts), answer health (abstention, unsupported citations, judge
 * score, thumbs-down), stale sources, cost and latency. Each signal reports its threshold and sample sizes;
 * the report alerts when any crosses, with what to do. One streaming pass over the log with bounded memory: counts,
 * and uniform samples of at most 20,000 values (5,000 queries for the term divergence) per side where a
 * distribution is needed.
 */
export async function checkDrift(options: CheckDriftOptions): Promise<DriftReport> {
  const { store, tenant, window = 'day', baselineWindows = 7, freshness, embedding, signal, _internal = {} } = options;
  const texts = embedding && { current: _reservoir(embedding.maxQueries ?? 256, 1), baseline: _reservoir(embedding.maxQueries ?? 256, 2) };
  const [report] = await _driftReports({
    store, tenant, window, baselineWindows, points: 1, thresholds: options.thresholds, freshness, signal, now: (_internal.now ?? Date.now)(), pageSize: _internal.pageSize,
    onEntry: texts && ((e, i) => {
      if (!e.redacted && e.query.trim()) texts[i === baselineWindows ? 'current' : 'baseline'].add(e.query);
    }),
    extra: embedding && texts && ((_, t) => _embeddingShift({ model: embedding.model, current: texts.current.items, baseline: texts.baseline.items, t, signal })),
  });
  return report!;
}
