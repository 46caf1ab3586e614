import type { Hit } from '../spec/hit.js';
import { _rankStage } from './_ranked.js';

const DAY_MS = 86_400_000;

/** Options of {@link applyRecency}. */
export interface ApplyRecencyOptions {
  hits: readonly Hit[];
  /** Epoch ms of each hit's content (undefined = unknown), aligned with `hits`. */
  times: readonly (number | undefined)[];
  now: number;
  halfLifeDays: number;
  /** @default 0.5 */
  weight?: number;
}

/**
 * Recency weighting: factor = (1 − weight) + weight · 0.5^(ageDays / halfLifeDays), age ≥ 0; an unknown
 * time gets the floor 1 − weight. Positive scores are multiplied by the factor, negative ones divided
 * (so older always means lower, also for logits). Re-sorts and records `stages.recency`.
 */
export function applyRecency({ hits, times, now, halfLifeDays, weight = 0.5 }: ApplyRecencyOptions): Hit[] {
  const scores = hits.map((hit, i) => {
    const time = times[i];
    const decay = time === undefined ? 0 : 0.5 ** (Math.max(0, now - time) / DAY_MS / halfLifeDays);
    const factor = 1 - weight + weight * decay;
    return hit.score >= 0 ? hit.score * factor : factor === 0 ? -Infinity : hit.score / factor;
  });
  return _rankStage(hits, scores, 'recency');
}

/** Reads a time (epoch ms number, numeric string or ISO date) from an unknown value. */
export function _toTime(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value !== '') {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
    const parsed = Date.parse(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  return undefined;
}
