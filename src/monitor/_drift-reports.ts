/**
 * The drift reports of `points` consecutive windows ending now, each against the `baselineWindows` windows just
 * before it, from one pass over the log (`_scanWindows`): what `checkDrift` (one point) and `checkDriftSeries` share.
 */
import type { QueryLogEntry } from '../spec/audit.js';
import type { DriftReport, DriftSignal } from '../spec/monitor.js';
import type { Store } from '../spec/store.js';
import { FathomError } from '../util/errors.js';
import { defaultDriftThresholds, driftAdvice, type DriftThresholds, type FreshnessRule } from './drift-thresholds.js';
import { _scanWindows } from './_scan-windows.js';
import { _signals } from './_signals.js';
import { _mergeWindows } from './_window-stats.js';

export const _windowLengths = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;

export interface _DriftReportsOptions {
  store: Store;
  tenant: string;
  window: keyof typeof _windowLengths | number;
  baselineWindows: number;
  points: number;
  thresholds?: Partial<DriftThresholds>;
  freshness?: FreshnessRule;
  signal?: AbortSignal;
  now: number;
  pageSize?: number;
  onEntry?: (entry: QueryLogEntry, window: number) => void;
  /** A signal to add to report `point` (third in the list), e.g. the embedding shift. */
  extra?: (point: number, t: DriftThresholds) => Promise<DriftSignal | undefined>;
}

export async function _driftReports(o: _DriftReportsOptions): Promise<DriftReport[]> {
  const { store, tenant, window, baselineWindows: B, points, freshness, now } = o;
  const length = typeof window === 'number' ? window : _windowLengths[window];
  if (!(length > 0) || !Number.isInteger(B) || B < 1 || B > 10_000 || !Number.isInteger(points) || points < 1 || points > 10_000) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `window must be hour, day, week or a positive duration, and baselineWindows and points integers from 1 to 10000 (got ${String(window)}, ${B}, ${points}).` });
  }
  const t: DriftThresholds = { ...defaultDriftThresholds, ...o.thresholds };
  const start = now - (points + B) * length;
  const windows = await _scanWindows({ store, tenant, start, length, count: points + B, baselineWindows: B, sufficiency: t.sufficiency, onEntry: o.onEntry, signal: o.signal, pageSize: o.pageSize });
  const stale = freshness ? await _staleness(store, tenant, freshness, new Set(windows.flatMap((w) => [...w.cited.keys()]))) : undefined;
  const reports: DriftReport[] = [];
  for (let p = 0; p < points; p++) {
    const from = start + (B + p) * length;
    const to = from + length;
    const signals = _signals({
      current: _mergeWindows([windows[B + p]!], 1), baseline: _mergeWindows(windows.slice(p, B + p), 2), t,
      novel: { current: windows[B + p]!.novel, reference: windows[B + p - 1]!.novelRef },
      stale: stale && { at: (d) => stale(d, to), baseAt: (d) => stale(d, from) },
    });
    const extra = await o.extra?.(p, t);
    if (extra) signals.splice(2, 0, extra);
    const advised = signals.map((s) => (s.status === 'alert' ? { ...s, advice: driftAdvice[s.name] } : s));
    const alerting = advised.filter((s) => s.status === 'alert');
    reports.push({ tenant, window: { from, to }, baseline: { from: from - B * length, to: from }, signals: advised, alert: alerting.length > 0, advice: [...new Set(alerting.map((s) => s.advice!))] });
  }
  return reports;
}

/** A function telling whether a document was stale at a time (documents are read once each). */
async function _staleness(store: Store, tenant: string, rule: FreshnessRule, ids: Set<string>): Promise<(id: string, at: number) => boolean> {
  const born = new Map<string, { at: number; maxAgeDays: number }>();
  for (const id of ids) {
    const doc = await store.getDocument({ tenant, id });
    if (doc) born.set(id, { at: doc.modifiedAt ?? doc.updatedAt, maxAgeDays: rule.collections?.[doc.collection] ?? rule.maxAgeDays });
  }
  return (id, at) => {
    const b = born.get(id);
    return b !== undefined && at - b.at > b.maxAgeDays * 86_400_000;
  };
}
