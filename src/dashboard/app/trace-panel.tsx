/** The retrieval trace of an answer: each hop (multi-hop), stage timings, sufficiency features, and each source's per-stage score and rank. */
import type { Answer } from '../../spec/answer.js';
import { StageScores } from './stage-scores.js';

export function TracePanel({ answer }: { answer: Answer }) {
  const t = answer.trace;
  const hops = t?.hops ?? [];
  return (
    <details class="trace" open>
      <summary>Retrieval trace{t ? ` (${t.mode}${hops.length ? `, ${hops.length} hops` : ''})` : ''}</summary>
      {hops.length ? (
        <table class="grid" data-testid="trace-hops">
          <caption>Hops</caption>
          <thead><tr><th scope="col">Hop</th><th scope="col">Query</th><th scope="col">New hits</th><th scope="col">Bridge entities</th></tr></thead>
          <tbody>{hops.map((h) => <tr key={h.hop} data-hop={h.hop}><td>{h.hop}</td><td>{h.query ?? <em>no second query</em>}</td><td>{h.count}</td><td>{h.entities?.length ? h.entities.join(', ') : '—'}</td></tr>)}</tbody>
        </table>
      ) : null}
      {t ? (
        <table class="grid">
          <caption>Stages</caption>
          <thead><tr>{hops.length ? <th scope="col">Hop</th> : null}<th scope="col">Stage</th><th scope="col">Hits</th><th scope="col">ms</th></tr></thead>
          <tbody>{t.stages.map((s, i) => <tr key={i} data-stage={s.name} data-hop={s.hop}>{hops.length ? <td>{s.hop ?? 'merge'}</td> : null}<td>{s.name}</td><td>{s.count}</td><td>{s.ms.toFixed(1)}</td></tr>)}</tbody>
        </table>
      ) : null}
      <table class="grid">
        <caption>Sources</caption>
        <thead><tr><th scope="col">n</th><th scope="col">Document</th><th scope="col">Offsets</th><th scope="col">Score</th><th scope="col">Stages (score / rank)</th></tr></thead>
        <tbody>
          {answer.sources.map((s) => (
            <tr key={s.n}><td>{s.n}</td><td>{s.title} <small>{s.documentId}</small></td><td>{s.start ?? '—'}–{s.end ?? '—'}</td><td>{s.hit ? s.hit.score.toFixed(4) : '—'}</td><td>{s.hit ? <StageScores stages={s.hit.stages} /> : '—'}</td></tr>
          ))}
        </tbody>
      </table>
      <p class="meta">Latency: {Object.entries(answer.latencyMs).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(' · ')}</p>
      {t ? <p class="meta">Sufficiency {t.sufficiency.toFixed(3)} from {Object.entries(t.sufficiencyFeatures).filter(([, v]) => v !== null).map(([k, v]) => `${k} ${(v as number).toFixed(2)}`).join(', ')}</p> : null}
    </details>
  );
}
