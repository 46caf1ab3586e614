/**
 * The candidate nearest to `input` ("did you mean"): smallest optimal-string-alignment distance (insertions,
 * deletions, substitutions, adjacent transpositions), case-insensitive, within max(2, ⌊length/3⌋); a candidate
 * that starts with the input (or the input with it) also counts. Undefined when nothing is close.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const a = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const b = candidate.toLowerCase();
    let score = _distance(a, b);
    if (score > Math.max(2, Math.floor(Math.max(a.length, b.length) / 3))) score = a.length >= 2 && (b.startsWith(a) || a.startsWith(b)) ? 2.5 : Infinity;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return bestScore === Infinity ? undefined : best;
}

function _distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
