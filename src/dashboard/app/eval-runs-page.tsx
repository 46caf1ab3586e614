/** Evaluation runs (own; admin: the tenant's), newest first, and a form to compare two of them. */
import { useState } from 'preact/hooks';
import type { EvalRun } from '../../spec/evaluation.js';
import { num, when } from './format.js';
import { useApi } from './use-api.js';

export interface EvalRunListing { id: string; createdAt: number; principal: string; asPrincipal: string; items: number; summary: EvalRun['summary'] }

export function EvalRunsPage() {
  const { data, error } = useApi<{ runs: EvalRunListing[] }>('/v1/eval/runs');
  const runs = data?.runs ?? [];
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  return (
    <section aria-labelledby="evals-title">
      <h1 id="evals-title">Evaluation runs</h1>
      {error ? <p role="alert" class="error">{error}</p> : null}
      {data && !runs.length ? <p>No runs yet: start one with <code>POST /v1/eval/runs</code> or <code>fathom eval run</code>.</p> : null}
      <table class="grid">
        <thead><tr><th scope="col">Run</th><th scope="col">Created</th><th scope="col">By</th><th scope="col">Items</th><th scope="col">Accuracy (rag)</th></tr></thead>
        <tbody>{runs.map((r) => <tr key={r.id}><td><a href={`#/evals/${encodeURIComponent(r.id)}`}>{r.id}</a></td><td>{when(r.createdAt)}</td><td>{r.principal}</td><td>{r.items}</td><td>{num(r.summary.rag?.accuracy)}</td></tr>)}</tbody>
      </table>
      {runs.length >= 2 ? (
        <form class="row" onSubmit={(e) => { e.preventDefault(); location.hash = `#/evals/compare/${encodeURIComponent(a)}/${encodeURIComponent(b)}`; }}>
          <label>Baseline (A) <select value={a} onChange={(e) => setA(e.currentTarget.value)} required><option value="">choose</option>{runs.map((r) => <option key={r.id}>{r.id}</option>)}</select></label>
          <label>Candidate (B) <select value={b} onChange={(e) => setB(e.currentTarget.value)} required><option value="">choose</option>{runs.map((r) => <option key={r.id}>{r.id}</option>)}</select></label>
          <button type="submit" disabled={!a || !b}>Compare</button>
        </form>
      ) : null}
    </section>
  );
}
