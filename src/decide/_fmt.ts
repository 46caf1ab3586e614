/** Query volumes for people: 6400000 → "6.4M". */
export function _fmt(q: number): string {
  if (q >= 1e9) return `${+(q / 1e9).toPrecision(2)}B`;
  if (q >= 1e6) return `${+(q / 1e6).toPrecision(2)}M`;
  if (q >= 1e3) return `${+(q / 1e3).toPrecision(2)}k`;
  return `${Math.round(q)}`;
}
