/**
 * Fine-tuning jobs of the tenant (`GET /v1/tune/jobs`), newest first; a job opens with its data, result and
 * loss curve and events (`GET /v1/tune/jobs/{id}`, which polls the provider once while the job runs).
 */
import type { TuneJobRecord } from '../../spec/tune-job.js';
import { when } from './format.js';
import { LossChart, lossPoints } from './loss-chart.js';
import { useApi } from './use-api.js';

const _hp = (job: TuneJobRecord) => Object.entries(job.hyperparameters ?? {}).map(([k, v]) => `${k} ${String(v)}`).join(', ') || 'provider defaults';

export function TuneJobsPage({ id }: { id?: string }) {
  const list = useApi<{ jobs: TuneJobRecord[] }>(id ? null : '/v1/tune/jobs');
  const one = useApi<TuneJobRecord>(id ? `/v1/tune/jobs/${encodeURIComponent(id)}` : null);
  if (id) {
    const j = one.data;
    return (
      <section aria-labelledby="tune-title">
        <p><a href="#/tune">← Fine-tuning jobs</a></p>
        <h1 id="tune-title">Fine-tuning job {id}</h1>
        {one.error ? <p role="alert" class="error">{one.error}</p> : null}
        {j ? (
          <>
            <dl class="facts" data-testid="tune-job">
              <dt>Status</dt><dd>{j.status}{j.providerStatus && j.providerStatus !== j.status ? ` (provider: ${j.providerStatus})` : ''}</dd>
              <dt>Backend</dt><dd>{j.backend} ({j.kind}){j.providerJobId ? ` · ${j.providerJobId}` : ''}</dd>
              <dt>Base model</dt><dd>{j.baseModel}</dd>
              <dt>Fine-tuned model</dt><dd>{j.fineTunedModel ?? '—'}</dd>
              <dt>Hyperparameters</dt><dd>{_hp(j)}</dd>
              <dt>Training data</dt><dd>{j.data.train.bytes.toLocaleString('en-US')} bytes · sha256 <code>{j.data.train.sha256.slice(0, 12)}</code>{j.data.validation ? ` · validation ${j.data.validation.bytes.toLocaleString('en-US')} bytes` : ''}</dd>
              <dt>Created</dt><dd>{when(j.createdAt)}</dd>
              <dt>Updated</dt><dd>{when(j.updatedAt)}</dd>
              {j.error ? <><dt>Error</dt><dd class="error">{j.error.code ? `${j.error.code}: ` : ''}{j.error.message}</dd></> : null}
            </dl>
            {j.warnings.length ? <div class="warnings" role="note"><h2>Warnings</h2><ul>{j.warnings.map((w, i) => <li key={i}>{w.message}</li>)}</ul></div> : null}
            {lossPoints(j.events).length ? <><h2>Loss</h2><LossChart points={lossPoints(j.events)} /></> : null}
            <h2>Events</h2>
            <table class="grid" data-testid="tune-events">
              <thead><tr><th scope="col">When</th><th scope="col">Level</th><th scope="col">Type</th><th scope="col">Message</th></tr></thead>
              <tbody>{j.events.map((e) => <tr key={e.id} data-event={e.id} class={e.level}><td>{when(e.createdAt)}</td><td>{e.level}</td><td>{e.type ?? '—'}</td><td>{e.message}</td></tr>)}</tbody>
            </table>
            {j.artifacts.length ? <><h2>Artifacts</h2><ul>{j.artifacts.map((a, i) => <li key={i}>{a.kind}: {a.name ?? a.path ?? ''} ({a.at})</li>)}</ul></> : null}
          </>
        ) : null}
      </section>
    );
  }
  const jobs = [...(list.data?.jobs ?? [])].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section aria-labelledby="tune-title">
      <h1 id="tune-title">Fine-tuning jobs</h1>
      {list.error ? <p role="alert" class="error">{list.error}</p> : null}
      {list.data && !jobs.length ? <p>No jobs yet: start one with <code>fathom tune start</code> or <code>POST /v1/tune/jobs</code>.</p> : null}
      <table class="grid" data-testid="tune-jobs">
        <thead><tr><th scope="col">Job</th><th scope="col">Status</th><th scope="col">Backend</th><th scope="col">Base model</th><th scope="col">Fine-tuned model</th><th scope="col">Events</th><th scope="col">Created</th></tr></thead>
        <tbody>{jobs.map((j) => <tr key={j.id} data-job={j.id}><td><a href={`#/tune/${encodeURIComponent(j.id)}`}>{j.id}</a></td><td>{j.status}</td><td>{j.backend}</td><td>{j.baseModel}</td><td>{j.fineTunedModel ?? '—'}</td><td>{j.events.length}</td><td>{when(j.createdAt)}</td></tr>)}</tbody>
      </table>
    </section>
  );
}
