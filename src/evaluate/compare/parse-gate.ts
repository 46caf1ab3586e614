import type { EvalMode } from '../../spec/evaluation.js';
import { FathomError } from '../../util/errors.js';

/** A regression gate on a metric's delta (b − a). */
export interface Gate {
  /** The expression as written. */
  expression: string;
  metric: string;
  /** Restricts the gate to one mode; all modes where the metric exists when absent. */
  mode?: EvalMode;
  op: '<' | '<=' | '>' | '>=';
  bound: number;
}

/**
 * Parses `[mode:]metric op number`, e.g. `faithfulness < -0.02`, `rag:recall@5 <= -0.05`, `latency_ms > 200`.
 * The gate names the failing condition: it fails when the delta satisfies it. `accuracy` gates the per-item `correct`.
 */
export function parseGate(expression: string): Gate {
  const m = /^\s*(?:(closed-book|rag|oracle):)?([A-Za-z_][\w@.-]*)\s*(<=|>=|<|>)\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*$/i.exec(expression);
  if (!m) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Cannot read gate "${expression}": write [mode:]metric <|<=|>|>= number, e.g. "faithfulness < -0.02" or "rag:recall@5 < -0.05".` });
  }
  return { expression: expression.trim(), ...(m[1] ? { mode: m[1] as EvalMode } : {}), metric: m[2]!, op: m[3] as Gate['op'], bound: Number(m[4]) };
}

/** Whether a value satisfies the gate's (failing) condition. */
export function _breaches(op: Gate['op'], value: number, bound: number): boolean {
  return op === '<' ? value < bound : op === '<=' ? value <= bound : op === '>' ? value > bound : value >= bound;
}
