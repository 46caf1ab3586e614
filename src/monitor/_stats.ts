/** Two-sample statistics for drift checks: Kolmogorov–Smirnov and a two-proportion z-test. */

/** Two-sample KS: the statistic D and its asymptotic p-value (Smirnov's series with the Stephens correction). */
export function _ks(a: number[], b: number[]): { d: number; p: number } {
  if (a.length === 0 || b.length === 0) return { d: 0, p: 1 };
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  const ne = (x.length * y.length) / (x.length + y.length);
  const lambda = (Math.sqrt(ne) + 0.12 + 0.11 / Math.sqrt(ne)) * d;
  let p = 0;
  for (let k = 1; k <= 100; k++) p += 2 * (-1) ** (k - 1) * Math.exp(-2 * k * k * lambda * lambda);
  return { d, p: Math.min(1, Math.max(0, lambda < 0.3 ? 1 : p)) };
}

/** One-sided two-proportion z-test that p1 (current) > p0 (baseline); returns the p-value. */
export function _proportionRise(k1: number, n1: number, k0: number, n0: number): number {
  if (n1 === 0 || n0 === 0) return 1;
  const pooled = (k1 + k0) / (n1 + n0);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  if (se === 0) return k1 / n1 > k0 / n0 ? 0 : 1;
  return 1 - _phi((k1 / n1 - k0 / n0) / se);
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf). */
function _phi(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const erf = 1 - (((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t) * Math.exp(-(z * z) / 2);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

export const _median = (xs: number[]): number => {
  if (!xs.length) return 0;
  const s = [...xs].sort((p, q) => p - q);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
