/** The decision for a run (default questionnaire answers) and its cost break-even chart. */
import type { Decision } from '../../spec/decision.js';
import { api } from './api.js';
import { CostChart } from './cost-chart.js';
import { useEffect, useState } from 'preact/hooks';
import { errorText } from './api.js';

export function DecisionPanel({ runId }: { runId: string }) {
  const [d, setD] = useState<Decision>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<Decision>(`/v1/eval/runs/${encodeURIComponent(runId)}/decision`, { json: {} }).then(setD, (e) => setError(errorText(e)));
  }, [runId]);
  if (error) return <p role="alert" class="error">{error}</p>;
  if (!d) return null;
  return (
    <>
      <h2>Decision</h2>
      <p><b data-testid="decision">{d.recommendation}</b>: {d.summary}</p>
      <ul>{d.nextSteps.map((s) => <li key={s}>{s}</li>)}</ul>
      {d.assumed.length ? <p class="meta">Assumed (questionnaire defaults): {d.assumed.join(', ')}</p> : null}
      <h3>Monthly cost by query volume</h3>
      <CostChart chart={d.costs.chart} />
      <table class="grid">
        <caption>Break-even points</caption>
        <thead><tr><th scope="col">Options</th><th scope="col">Queries / month</th><th scope="col">US$ / month</th></tr></thead>
        <tbody>{d.costs.breakEven.map((b) => <tr key={`${b.a}-${b.b}`}><td>{b.a} vs {b.b}</td><td>{b.queriesPerMonth?.toLocaleString('en-US') ?? '—'}</td><td>{b.monthlyUsd?.toFixed(2) ?? '—'}</td></tr>)}</tbody>
      </table>
    </>
  );
}
