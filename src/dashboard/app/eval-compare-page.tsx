/** Two runs compared: per-metric deltas with paired-bootstrap 95% intervals, and the items whose outcome changed. */
import { useEffect, useState } from 'preact/hooks';
import type { RunComparison } from '../../spec/evaluation.js';
import { api, errorText } from './api.js';
import { num } from './format.js';

export function EvalComparePage({ a, b }: { a: string; b: string }) {
  const [c, setC] = useState<RunComparison>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<RunComparison>('/v1/eval/compare', { json: { a, b } }).then(setC, (e) => setError(errorText(e)));
  }, [a, b]);
  return (
    <section aria-labelledby="compare-title">
      <p><a href="#/evals">← Evaluation runs</a></p>
      <h1 id="compare-title">Compare {a} → {b}</h1>
      {error ? <p role="alert" class="error">{error}</p> : null}
      {c ? (
        <>
          <table class="grid" data-testid="compare-deltas">
            <thead><tr><th scope="col">Mode</th><th scope="col">Metric</th><th scope="col">A</th><th scope="col">B</th><th scope="col">Δ</th><th scope="col">95% CI</th><th scope="col">n</th></tr></thead>
            <tbody>{c.deltas.map((d) => <tr key={`${d.mode}-${d.metric}`} data-mode={d.mode} data-metric={d.metric}><td>{d.mode}</td><th scope="row">{d.metric}</th><td>{num(d.a)}</td><td>{num(d.b)}</td><td>{num(d.delta)}</td><td>[{num(d.ci95[0])}, {num(d.ci95[1])}]</td><td>{d.n}</td></tr>)}</tbody>
          </table>
          <p>{c.failedGates.length ? `Failed gates: ${c.failedGates.join(', ')}` : 'No gate failed.'}</p>
          <h2>Items that changed ({c.items.filter((i) => i.changed.length).length})</h2>
          <ul>{c.items.filter((i) => i.changed.length).map((i) => <li key={`${i.itemId}-${i.mode}`}>{i.itemId} ({i.mode}): {i.changed.join(', ')}</li>)}</ul>
        </>
      ) : null}
    </section>
  );
}
