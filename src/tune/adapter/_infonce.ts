/**
 * Multiple-negatives ranking loss (InfoNCE) of a linear query map, with its gradient written out.
 * u = W·q + b, z = u/‖u‖, s_j = z·c_j / τ over unit candidates c (the batch's positives, then extra negatives);
 * loss = −log softmax(s)_target. Gradients: ∂L/∂z = (Σ_j p_j c_j − c_target)/τ,
 * ∂L/∂u = (∂L/∂z − (∂L/∂z·z) z)/‖u‖, ∂L/∂W = ∂L/∂u ⊗ q, ∂L/∂b = ∂L/∂u.
 */

/** Scratch buffers reused across batches. */
export interface _Scratch {
  u: Float32Array;
  z: Float32Array;
  g: Float32Array;
  scores: Float64Array;
}

export const _scratch = (d: number, maxCandidates: number): _Scratch => ({
  u: new Float32Array(d), z: new Float32Array(d), g: new Float32Array(d), scores: new Float64Array(maxCandidates),
});

/** `out = W·q + b` for a row-major d×d W. */
export function _project(W: Float32Array, bias: Float32Array | undefined, q: Float32Array, out: Float32Array): void {
  const d = q.length;
  for (let i = 0; i < d; i++) {
    let s0 = 0, s1 = 0;
    const row = i * d;
    let j = 0;
    for (; j + 1 < d; j += 2) {
      s0 += W[row + j]! * q[j]!;
      s1 += W[row + j + 1]! * q[j + 1]!;
    }
    if (j < d) s0 += W[row + j]! * q[j]!;
    out[i] = s0 + s1 + (bias ? bias[i]! : 0);
  }
}

/**
 * Loss of one query against `candidates` (unit vectors, `target` the positive). When `gradW` is given,
 * adds `scale ·` the gradient into `gradW` (and `gradB`).
 */
export function _queryLoss(
  W: Float32Array, bias: Float32Array | undefined, q: Float32Array, candidates: Float32Array[], target: number, temperature: number,
  s: _Scratch, gradW?: Float32Array, gradB?: Float32Array, scale = 1,
): number {
  const d = q.length;
  _project(W, bias, q, s.u);
  let n = 0;
  for (let i = 0; i < d; i++) n += s.u[i]! * s.u[i]!;
  n = Math.sqrt(n) || 1e-12;
  for (let i = 0; i < d; i++) s.z[i] = s.u[i]! / n;
  let max = -Infinity;
  for (let j = 0; j < candidates.length; j++) {
    const c = candidates[j]!;
    let dotv = 0;
    for (let i = 0; i < d; i++) dotv += s.z[i]! * c[i]!;
    const v = dotv / temperature;
    s.scores[j] = v;
    if (v > max) max = v;
  }
  let sum = 0;
  for (let j = 0; j < candidates.length; j++) sum += Math.exp(s.scores[j]! - max);
  const loss = max + Math.log(sum) - s.scores[target]!;
  if (!gradW) return loss;

  s.g.fill(0);
  for (let j = 0; j < candidates.length; j++) {
    const p = Math.exp(s.scores[j]! - max) / sum - (j === target ? 1 : 0);
    if (Math.abs(p) < 1e-9) continue;
    const c = candidates[j]!;
    const f = p / temperature;
    for (let i = 0; i < d; i++) s.g[i] += f * c[i]!;
  }
  let gz = 0;
  for (let i = 0; i < d; i++) gz += s.g[i]! * s.z[i]!;
  for (let i = 0; i < d; i++) s.g[i] = ((s.g[i]! - gz * s.z[i]!) / n) * scale;
  for (let i = 0; i < d; i++) {
    const gi = s.g[i]!;
    if (gi === 0) continue;
    const row = i * d;
    for (let j = 0; j < d; j++) gradW[row + j] += gi * q[j]!;
    if (gradB) gradB[i] += gi;
  }
  return loss;
}
