/**
 * One evaluation run: per-mode metrics, failure classes with their 95% intervals, the per-item table (filter by
 * class; open an item's answers in each mode with their sources), and the diagnosis and decision.
 */
import type { Diagnosis, EvalRun } from '../../spec/evaluation.js';
import { DecisionPanel } from './decision-panel.js';
import { EvalItemsTable } from './eval-items-table.js';
import { num, pct } from './format.js';
import { useApi } from './use-api.js';

export function EvalRunPage({ id }: { id: string }) {
  const run = useApi<{ run: EvalRun }>(`/v1/eval/runs/${encodeURIComponent(id)}`);
  const diag = useApi<Diagnosis>(`/v1/eval/runs/${encodeURIComponent(id)}/diagnosis`);
  const r = run.data?.run;
  const d = diag.data;
  const metrics = r ? [...new Set(Object.values(r.summary).flatMap((m) => Object.keys(m ?? {})))].sort() : [];
  return (
    <section aria-labelledby="run-title">
      <p><a href="#/evals">← Evaluation runs</a></p>
      <h1 id="run-title">Run {id}</h1>
      {run.error || diag.error ? <p role="alert" class="error">{run.error ?? diag.error}</p> : null}
      {r ? (
        <>
          <p class="meta">{r.dataset.items} items · {r.answerer ?? 'answerer not recorded'} · modes {r.modes.join(', ')}{r.notMeasured ? ` · not measured: ${Object.entries(r.notMeasured).map(([m, why]) => `${m} (${why})`).join('; ')}` : ''}</p>
          <h2>Metrics per mode</h2>
          <table class="grid" data-testid="run-metrics">
            <thead><tr><th scope="col">Metric</th>{r.modes.map((m) => <th key={m} scope="col">{m}</th>)}</tr></thead>
            <tbody>{metrics.map((k) => <tr key={k}><th scope="row">{k}</th>{r.modes.map((m) => <td key={m} data-mode={m} data-metric={k}>{num(r.summary[m]?.[k])}</td>)}</tr>)}</tbody>
          </table>
        </>
      ) : null}
      {d ? (
        <>
          <h2>Failure classes</h2>
          <table class="grid" data-testid="run-classes">
            <thead><tr><th scope="col">Class</th><th scope="col">Items</th><th scope="col">Share</th><th scope="col">95% interval</th><th scope="col"><span class="sr-only">Bar</span></th></tr></thead>
            <tbody>
              {Object.entries(d.classes).filter(([, c]) => c.count > 0).map(([name, c]) => (
                <tr key={name} data-class={name}><th scope="row">{name}</th><td>{c.count}</td><td>{pct(c.share)}</td><td>{pct(c.ci95[0])}–{pct(c.ci95[1])}</td><td><meter min={0} max={1} value={c.share} aria-label={`${name} share`} /></td></tr>
              ))}
            </tbody>
          </table>
          <h2>Diagnosis</h2>
          <p><b data-testid="primary">{d.recommendation.primary}</b> — {d.recommendation.uncertainty}</p>
          <ul>{d.recommendation.actions.map((a, i) => <li key={i}><b>{a.kind}</b>: {a.why}</li>)}</ul>
        </>
      ) : null}
      {r && d ? <EvalItemsTable run={r} diagnosis={d} /> : null}
      {r ? <DecisionPanel runId={id} /> : null}
    </section>
  );
}
