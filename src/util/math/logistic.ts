/**
 * Logistic regression over standardised features with missing values: each feature is standardised with its
 * mean and population stddev over the samples where it is present (absent → the mean, i.e. 0 after
 * standardising); training minimises the mean log loss + l2·|w|² by full-batch gradient descent from zero
 * weights. Deterministic. Used to calibrate the retrieval sufficiency signal and the extractive answerer's
 * confidence.
 */

/** The logistic function σ(t) = 1 / (1 + e^−t). */
export function sigmoid(t: number): number {
  return 1 / (1 + Math.exp(-t));
}

/** A logistic model's probability σ(bias + w·z) for standardised features `z`. */
export function predictLogistic(z: readonly number[], bias: number, weights: readonly number[]): number {
  let t = bias;
  for (let i = 0; i < z.length; i++) t += weights[i]! * z[i]!;
  return sigmoid(t);
}

export interface StandardizedLogisticModel<N extends string> {
  bias: number;
  weights: Record<N, number>;
  means: Record<N, number>;
  stds: Record<N, number>;
}

export function fitStandardizedLogistic<N extends string>({ names, samples, epochs, learningRate, l2 }: {
  names: readonly N[];
  samples: ReadonlyArray<{ features: Record<N, number | null>; answerable: boolean }>;
  epochs: number;
  learningRate: number;
  l2: number;
}): StandardizedLogisticModel<N> {
  const means = {} as Record<N, number>;
  const stds = {} as Record<N, number>;
  for (const name of names) {
    const xs = samples.map((s) => s.features[name]).filter((x): x is number => x !== null);
    const mean = xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
    const std = xs.length === 0 ? 1 : Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
    means[name] = mean;
    stds[name] = std > 1e-12 ? std : 1;
  }
  const z = samples.map((s) => names.map((n) => (s.features[n] === null ? 0 : (s.features[n]! - means[n]) / stds[n])));
  const y = samples.map((s) => (s.answerable ? 1 : 0));
  const w = new Array<number>(names.length).fill(0);
  let bias = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(w.length).fill(0);
    let gradBias = 0;
    for (let i = 0; i < z.length; i++) {
      const err = predictLogistic(z[i]!, bias, w) - y[i]!;
      gradBias += err;
      for (let j = 0; j < w.length; j++) grad[j]! += err * z[i]![j]!;
    }
    bias -= (learningRate * gradBias) / z.length;
    for (let j = 0; j < w.length; j++) w[j]! -= learningRate * (grad[j]! / z.length + 2 * l2 * w[j]!);
  }
  const weights = Object.fromEntries(names.map((n, j) => [n, w[j]!])) as Record<N, number>;
  return { bias, weights, means, stds };
}
