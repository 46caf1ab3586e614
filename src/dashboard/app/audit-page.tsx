/** The audit log (own entries; admin: the tenant's), newest first; an entry opens with its online scores and feedback. */
import { useState } from 'preact/hooks';
import type { QueryLogEntry } from '../../spec/audit.js';
import { useApi } from './use-api.js';

/** Feedback as the API returns it (the server's records and the monitor's, merged). */
type _Feedback = { rating?: string; correction?: string; comment?: string; note?: string; principal?: string; by?: string };

export function AuditPage({ id }: { id?: string }) {
  const [since, setSince] = useState('');
  const [kind, setKind] = useState('');
  const [text, setText] = useState('');
  const list = useApi<{ entries: QueryLogEntry[] }>(id ? null : `/v1/audit?limit=500${since ? `&since=${encodeURIComponent(since)}` : ''}`);
  const needle = text.trim().toLowerCase();
  const entries = (list.data?.entries ?? []).filter((e) => (!kind || e.kind === kind) && (!needle || e.query.toLowerCase().includes(needle)));
  const one = useApi<Omit<QueryLogEntry, 'feedback'> & { feedback?: _Feedback[] }>(id ? `/v1/audit/${encodeURIComponent(id)}` : null);
  if (id) {
    const e = one.data;
    return (
      <section aria-labelledby="entry-title">
        <p><a href="#/audit">← Audit log</a></p>
        <h1 id="entry-title">Audit entry {id}</h1>
        {one.error ? <p role="alert" class="error">{one.error}</p> : null}
        {e ? (
          <dl class="facts">
            <dt>When</dt><dd>{new Date(e.at).toISOString()}</dd>
            <dt>Kind</dt><dd>{e.kind}</dd>
            <dt>Query</dt><dd>{e.redacted ? `(redacted: ${e.redacted.reason})` : e.query}</dd>
            <dt>Answer</dt><dd>{e.answer ?? '—'}{e.abstained ? ' (abstained)' : ''}</dd>
            <dt>Retrieved</dt><dd>{e.retrieved.map((r) => r.documentId).join(', ') || '—'}</dd>
            <dt>Latency</dt><dd>{Object.entries(e.latencyMs).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(' · ')}</dd>
            <dt>Online scores</dt><dd data-testid="online-scores">{e.online ? `${Object.entries(e.online.metrics).map(([k, v]) => `${k} ${Number(v).toFixed(3)}`).join(' · ')} (${e.online.scorer}, sampled at rate ${e.online.rate})` : 'not sampled'}</dd>
            <dt>Feedback</dt><dd>{e.feedback?.length ? e.feedback.map((f) => [f.rating, f.correction && `correction: ${f.correction}`, f.comment ?? f.note, `(${f.principal ?? f.by ?? 'unknown'})`].filter(Boolean).join(' ')).join('; ') : 'none'}</dd>
          </dl>
        ) : null}
      </section>
    );
  }
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>Since <input type="date" value={since} onChange={(e) => setSince(e.currentTarget.value)} /></label>
        <label>Kind <select value={kind} onChange={(e) => setKind(e.currentTarget.value)}><option value="">all</option><option>ask</option><option>search</option></select></label>
        <label>Query contains <input type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} /></label>
      </form>
      {list.error ? <p role="alert" class="error">{list.error}</p> : null}
      <table class="grid">
        <thead><tr><th scope="col">When</th><th scope="col">Kind</th><th scope="col">Query</th><th scope="col">Model</th><th scope="col">Abstained</th></tr></thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}><td><a href={`#/audit/${encodeURIComponent(e.id)}`}>{new Date(e.at).toISOString().slice(0, 19).replace('T', ' ')}</a></td><td>{e.kind}</td><td>{e.redacted ? '(redacted)' : e.query}</td><td>{e.model ?? '—'}</td><td>{e.abstained ? 'yes' : 'no'}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
