/**
 * Normalises one retriever's scores. `minmax`: (s − min) / (max − min), all 1 when every score is
 * equal; `zscore`: (s − mean) / population stddev, all 0 when the stddev is 0.
 */
export function normalizeScores(scores: readonly number[], method: 'minmax' | 'zscore'): number[] {
  if (scores.length === 0) return [];
  if (method === 'minmax') {
    const min = Math.min(...scores);
    const range = Math.max(...scores) - min;
    return scores.map((s) => (range === 0 ? 1 : (s - min) / range));
  }
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const std = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length);
  return scores.map((s) => (std === 0 ? 0 : (s - mean) / std));
}
