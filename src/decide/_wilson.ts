/** Wilson score interval for a proportion (95% by default): stays inside [0, 1] and behaves at 0 and n. */
export function _wilson(count: number, n: number, z = 1.959964): [number, number] {
  if (n <= 0) return [0, 1];
  const p = count / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** "12 of 40 items (30%, 95% CI 18–45%)". */
export function _shareText(count: number, n: number, noun = 'items'): string {
  const [lo, hi] = _wilson(count, n);
  const pct = (x: number): string => `${Math.round(x * 100)}`;
  return `${count} of ${n} ${noun} (${n ? pct(count / n) : '0'}%, 95% CI ${pct(lo)}–${pct(hi)}%)`;
}
