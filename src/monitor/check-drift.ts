import type { EmbeddingModel } from '../spec/embedding-model.js';
import type { DriftReport, DriftSignal } from '../spec/monitor.js';
import type { Store } from '../spec/store.js';
import { FathomError } from '../util/errors.js';
import { _embeddingShift, _reservoir } from './_embedding-shift.js';
import { _observe, type _Observation } from './_observe.js';
import { _signals } from './_signals.js';
import { defaultDriftThresholds, driftAdvice, type DriftThresholds } from './drift-thresholds.js';

const windows = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;

/** A freshness rule: documents older than `maxAgeDays` (by source modification time, else last ingest) are stale. */
export interface FreshnessRule {
  maxAgeDays: number;
  /** Per-collection overrides. */
  collections?: Record<string, number>;
}

/** Options of {@link checkDrift}. */
export interface CheckDriftOptions {
  store: Store;
  tenant: string;
  /** Current window length: `hour`, `day`, `week`, or ms. @default 'day' */
  window?: keyof typeof windows | number;
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
  _internal?: { now?: () => number };
}

/**
 * Compare the current window of the audit log with a baseline: query mix (new terms, no sufficient context),
 * retrieval health (top-score and sufficiency KS shifts), answer health (abstention, unsupported citations, judge
 * score, thumbs-down), stale sources, cost and latency. Each signal reports its threshold and sample sizes;
 * the report alerts when any crosses, with what to do.
 */
export async function checkDrift(options: CheckDriftOptions): Promise<DriftReport> {
  const { store, tenant, window = 'day', baselineWindows = 7, freshness, embedding, signal, _internal = {} } = options;
  const length = typeof window === 'number' ? window : windows[window];
  if (!(length > 0) || !Number.isInteger(baselineWindows) || baselineWindows < 1) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `window must be hour, day, week or a positive duration, and baselineWindows a positive integer (got ${String(window)}, ${baselineWindows}).` });
  }
  const t: DriftThresholds = { ...defaultDriftThresholds, ...options.thresholds };
  const to = (_internal.now ?? Date.now)();
  const from = to - length;
  const baseFrom = from - baselineWindows * length;
  const current: _Observation[] = [];
  const baseline: _Observation[] = [];
  const texts = embedding && { current: _reservoir(embedding.maxQueries ?? 256, 1), baseline: _reservoir(embedding.maxQueries ?? 256, 2) };
  // Read in slices (memory stays bounded by a slice, not the log): only the few numbers a signal needs are kept.
  const slice = Math.min(length, 6 * 3_600_000);
  for (let since = baseFrom; since < to; since += slice) {
    const until = Math.min(to, since + slice);
    for (const e of await store.listQueryLog({ tenant, since, until })) {
      if (e.at < since || e.at >= until) continue; // a backend may ignore `until`
      (e.at >= from ? current : baseline).push(_observe(e, t.sufficiency));
      if (texts && !e.redacted && e.query.trim()) texts[e.at >= from ? 'current' : 'baseline'].add(e.query);
    }
  }
  const stale = freshness ? await _staleness(store, tenant, freshness, [...current, ...baseline]) : undefined;
  const signals: DriftSignal[] = _signals({ current, baseline, t, refFrom: from - length, stale: stale && { at: (d) => stale(d, to), baseAt: (d) => stale(d, from) } });
  if (embedding && texts) signals.splice(2, 0, await _embeddingShift({ model: embedding.model, current: texts.current.items, baseline: texts.baseline.items, t, signal }));
  const advised = signals.map((s) => (s.status === 'alert' ? { ...s, advice: driftAdvice[s.name] } : s));
  const alerting = advised.filter((s) => s.status === 'alert');
  return { tenant, window: { from, to }, baseline: { from: baseFrom, to: from }, signals: advised, alert: alerting.length > 0, advice: [...new Set(alerting.map((s) => s.advice!))] };
}

/** A function telling whether a document was stale at a time (documents are read once each). */
async function _staleness(store: Store, tenant: string, rule: FreshnessRule, obs: _Observation[]): Promise<(id: string, at: number) => boolean> {
  const born = new Map<string, { at: number; maxAgeDays: number }>();
  for (const id of new Set(obs.map((o) => o.documentId).filter((d): d is string => Boolean(d)))) {
    const doc = await store.getDocument({ tenant, id });
    if (doc) born.set(id, { at: doc.modifiedAt ?? doc.updatedAt, maxAgeDays: rule.collections?.[doc.collection] ?? rule.maxAgeDays });
  }
  return (id, at) => {
    const b = born.get(id);
    return b !== undefined && at - b.at > b.maxAgeDays * 86_400_000;
  };
}
