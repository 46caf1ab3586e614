/**
 * Online evaluation and drift (admin): the drift check of each recent window (`GET /v1/monitor/drift/series`)
 * as one time series per signal with its threshold and alerts, the current window's alerts with what to do,
 * and a button that scores a sample of recent answers now (`POST /v1/monitor/score`, a job).
 */
import { useState } from 'preact/hooks';
import type { DriftReport, DriftSignal } from '../../spec/monitor.js';
import { api, errorText } from './api.js';
import { num, when } from './format.js';
import { SignalChart, type SignalPoint } from './signal-chart.js';
import { useApi } from './use-api.js';

interface _Series { window: string; baselineWindows: number; reports: DriftReport[] }
type _Job = { id: string; status: string; result?: { read: number; scored: number }; error?: { message: string } };

export function DriftPage() {
  const [win, setWin] = useState('day');
  const [points, setPoints] = useState(14);
  const [baseline, setBaseline] = useState(7);
  const { data, error, loading, reload } = useApi<_Series>(`/v1/monitor/drift/series?window=${win}&points=${points}&baseline=${baseline}`);
  const reports = data?.reports ?? [];
  const last = reports.at(-1);
  const names = [...new Set(reports.flatMap((r) => r.signals.map((s) => s.name)))];
  const seriesOf = (name: string): SignalPoint[] => reports.flatMap((r) => r.signals.filter((s) => s.name === name).map((signal) => ({ to: r.window.to, signal })));
  return (
    <section aria-labelledby="drift-title" aria-busy={loading}>
      <h1 id="drift-title">Drift and online evaluation</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>Window <select value={win} onChange={(e) => setWin(e.currentTarget.value)}><option>hour</option><option>day</option><option>week</option></select></label>
        <label>Windows shown <input type="number" min={1} max={60} value={points} onChange={(e) => setPoints(Math.min(60, Math.max(1, Number(e.currentTarget.value) || 1)))} /></label>
        <label>Baseline windows <input type="number" min={1} max={90} value={baseline} onChange={(e) => setBaseline(Math.min(90, Math.max(1, Number(e.currentTarget.value) || 1)))} /></label>
        <ScoreNow onDone={reload} />
      </form>
      {error ? <p role="alert" class="error">{error}</p> : null}
      {last ? (
        <div class={last.alert ? 'alerts alerting' : 'alerts'} data-testid="drift-alerts">
          <h2>Current window ({when(last.window.from)} – {when(last.window.to)})</h2>
          {last.alert ? (
            <ul>{last.signals.filter((s) => s.status === 'alert').map((s) => <li key={s.name} data-signal={s.name}><b>{s.name}</b>: {num(s.current)} against {num(s.baseline)} ({s.threshold}). {s.advice}</li>)}</ul>
          ) : <p>No alert: every signal is within its threshold or has too few entries.</p>}
        </div>
      ) : null}
      <div class="signals">
        {names.map((name) => <SignalPanel key={`${name}-${win}`} name={name} points={seriesOf(name)} />)}
      </div>
    </section>
  );
}

function SignalPanel({ name, points }: { name: string; points: SignalPoint[] }) {
  const latest: DriftSignal | undefined = points.at(-1)?.signal;
  return (
    <article class="signal" aria-labelledby={`sig-${name}`} data-signal={name}>
      <h2 id={`sig-${name}`}>{name} <span class={`status ${latest?.status ?? ''}`}>{latest?.status}</span></h2>
      <p class="meta">Threshold: {latest?.threshold}</p>
      <SignalChart name={name} points={points} />
      <details>
        <summary>Values per window</summary>
        <table class="grid" data-testid={`signal-${name}`}>
          <thead><tr><th scope="col">Window end</th><th scope="col">Current</th><th scope="col">Baseline</th><th scope="col">p</th><th scope="col">n (current / baseline)</th><th scope="col">Status</th></tr></thead>
          <tbody>{points.map((p) => <tr key={p.to} data-to={p.to} data-status={p.signal.status}><td>{when(p.to)}</td><td>{num(p.signal.current)}</td><td>{num(p.signal.baseline)}</td><td>{num(p.signal.pValue, 4)}</td><td>{p.signal.n.current} / {p.signal.n.baseline}</td><td>{p.signal.status}</td></tr>)}</tbody>
        </table>
      </details>
    </article>
  );
}

function ScoreNow({ onDone }: { onDone: () => void }) {
  const [rate, setRate] = useState('');
  const [job, setJob] = useState<_Job>();
  const [error, setError] = useState<string>();
  const run = async () => {
    setError(undefined);
    try {
      let j = await api<_Job>('/v1/monitor/score', { json: rate ? { rate: Number(rate) } : {} });
      setJob(j);
      while (j.status === 'queued' || j.status === 'running') {
        await new Promise((r) => setTimeout(r, 300));
        j = await api<_Job>(`/v1/jobs/${encodeURIComponent(j.id)}`);
        setJob(j);
      }
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const busy = job?.status === 'queued' || job?.status === 'running';
  return (
    <>
      <label>Sampling rate <input type="number" min={0.01} max={1} step={0.01} value={rate} placeholder="default" onInput={(e) => setRate(e.currentTarget.value)} /></label>
      <button type="button" disabled={busy} onClick={() => void run()}>{busy ? 'Scoring…' : 'Score recent answers now'}</button>
      <span role="status" class="meta">{job ? `${job.status}${job.result ? `: ${job.result.scored} of ${job.result.read} entries scored` : ''}${job.error ? `: ${job.error.message}` : ''}` : ''}</span>
      {error ? <span role="alert" class="error">{error}</span> : null}
    </>
  );
}
