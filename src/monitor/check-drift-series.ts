import type { DriftReport } from '../spec/monitor.js';
import type { CheckDriftOptions } from './check-drift.js';
import { _driftReports } from './_drift-reports.js';

/** Options of {@link checkDriftSeries}: those of `checkDrift` (without the embedding signal) and the number of windows. */
export interface CheckDriftSeriesOptions extends Omit<CheckDriftOptions, 'embedding'> {
  /** Windows in the series, the last one ending now. @default 14 */
  points?: number;
}

/**
 * The drift report of each of the last `points` windows (oldest first), each against its own baseline (the
 * `baselineWindows` windows just before it): the time series per signal the dashboard's drift view draws. Each
 * report equals `checkDrift` at that window's end (without the embedding signal), from one pass over the log.
 */
export async function checkDriftSeries(options: CheckDriftSeriesOptions): Promise<DriftReport[]> {
  const { store, tenant, window = 'day', baselineWindows = 7, points = 14, thresholds, freshness, signal, _internal = {} } = options;
  return _driftReports({ store, tenant, window, baselineWindows, points, thresholds, freshness, signal, now: (_internal.now ?? Date.now)(), pageSize: _internal.pageSize });
}
