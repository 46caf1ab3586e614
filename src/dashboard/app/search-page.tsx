/** Search explain: one query in BM25, vector and hybrid side by side, each hit with every stage's score and rank. */
import { useState } from 'preact/hooks';
import type { Hit } from '../../spec/hit.js';
import type { RetrievalTrace } from '../../spec/retrieve.js';
import { api, docHref, errorText } from './api.js';
import { StageScores } from './stage-scores.js';

const _MODES = ['bm25', 'vector', 'hybrid'] as const;
type _Result = ({ hits: Hit[]; trace: RetrievalTrace; latencyMs: number } | { error: string }) & { query: string };

export function SearchPage() {
  const [query, setQuery] = useState('');
  const [k, setK] = useState(5);
  const [results, setResults] = useState<Partial<Record<string, _Result>>>({});
  const run = async (e: Event) => {
    e.preventDefault();
    setResults({});
    await Promise.all(_MODES.map(async (mode) => {
      const r = await api<{ hits: Hit[]; trace: RetrievalTrace; latencyMs: number }>('/v1/search', { json: { query, k, mode, explain: true } }).catch((err: unknown) => ({ error: errorText(err) }));
      setResults((all) => ({ ...all, [mode]: { ...r, query } }));
    }));
  };
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">Search explain</h1>
      <form class="row" onSubmit={run}>
        <label>Query <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} required /></label>
        <label>Hits <input type="number" min={1} max={50} value={k} onInput={(e) => setK(Number(e.currentTarget.value))} /></label>
        <button type="submit" disabled={!query.trim()}>Search</button>
      </form>
      <div class="columns">
        {_MODES.map((mode) => {
          const r = results[mode];
          return (
            <div key={mode} class="column" data-mode={mode} data-query={r?.query}>
              <h2>{mode}</h2>
              {!r ? <p class="meta">{query ? '…' : 'Run a query.'}</p> : 'error' in r ? <p class="error" role="alert">{r.error}</p> : (
                <>
                  <p class="meta">{r.hits.length} hits · {r.latencyMs.toFixed(1)} ms · {r.trace.stages.map((s) => `${s.name} ${s.ms.toFixed(1)} ms`).join(', ')}</p>
                  <ol class="hits">
                    {r.hits.map((h) => (
                      <li key={h.chunk.id} data-document-id={h.document.id}>
                        <a href={docHref(h.document.id)}>{h.document.title}</a> <small>{h.document.id}</small>
                        <div class="meta">score {h.score.toFixed(4)} · <StageScores stages={h.stages} /></div>
                        <p class="snippet">{h.chunk.text.slice(0, 180)}{h.chunk.text.length > 180 ? '…' : ''}</p>
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
