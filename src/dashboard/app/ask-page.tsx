/**
 * Ask playground: the answer streams in; each `[n]` is a button that shows the cited source's span inside its
 * document (highlighted at exactly the citation's offsets). Abstentions show the reason and the sufficiency
 * score; the retrieval trace shows each stage's scores, ranks and timings. Feedback buttons appear when the
 * server offers the feedback route. What the ask API accepts is choosable: the pipeline (`GET /v1/models`), the
 * retrieval mode, the number of sources and a collection filter; left empty, the pipeline's defaults apply.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Answer } from '../../spec/answer.js';
import { api, errorText, hasRoute } from './api.js';
import { AnswerText } from './answer-text.js';
import { CitedSpan } from './cited-span.js';
import { FeedbackButtons } from './feedback-buttons.js';
import { streamAsk } from './stream-ask.js';
import { TracePanel } from './trace-panel.js';

export function AskPage() {
  const [question, setQuestion] = useState('');
  const [pipeline, setPipeline] = useState('');
  const [pipelines, setPipelines] = useState<string[]>([]);
  const [mode, setMode] = useState('');
  const [k, setK] = useState('');
  const [collection, setCollection] = useState('');
  const [asked, setAsked] = useState('');
  const [streamed, setStreamed] = useState('');
  const [answer, setAnswer] = useState<Answer>();
  const [cited, setCited] = useState<number>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState(false);
  useEffect(() => {
    api<{ data: Array<{ id: string }> }>('/v1/models').then((m) => setPipelines(m.data.map((d) => d.id)), () => setPipelines([]));
    void hasRoute('post', '/v1/audit/{id}/feedback').then(setFeedback);
  }, []);
  const ask = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setAnswer(undefined);
    setStreamed('');
    setCited(undefined);
    try {
      const a = await streamAsk({ question, pipeline: pipeline || undefined, k: k ? Number(k) : undefined, mode: mode || undefined, filter: collection.trim() ? { collection: collection.trim() } : undefined }, (d) => setStreamed((s) => s + d));
      setAsked([pipeline || 'default pipeline', mode, k && `${k} sources`, collection.trim() && `collection ${collection.trim()}`].filter(Boolean).join(', '));
      setAnswer(a);
      setCited(a.citations.find((c) => c.valid)?.n);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const citation = answer?.citations.find((c) => c.n === cited && c.valid);
  return (
    <section aria-labelledby="ask-title">
      <h1 id="ask-title">Ask</h1>
      <form class="ask" onSubmit={ask}>
        <label for="question">Question</label>
        <textarea id="question" rows={2} value={question} onInput={(e) => setQuestion(e.currentTarget.value)} required />
        <div class="row">
          <label>Pipeline <select value={pipeline} onChange={(e) => setPipeline(e.currentTarget.value)}><option value="">default</option>{pipelines.map((p) => <option key={p}>{p}</option>)}</select></label>
          <label>Mode <select value={mode} onChange={(e) => setMode(e.currentTarget.value)}><option value="">pipeline default</option><option>bm25</option><option>vector</option><option>hybrid</option></select></label>
          <label>Sources <input type="number" min={1} max={50} value={k} placeholder="pipeline" onInput={(e) => setK(e.currentTarget.value)} /></label>
          <label>Collection <input value={collection} placeholder="any" onInput={(e) => setCollection(e.currentTarget.value)} /></label>
          <button type="submit" disabled={busy || !question.trim()}>{busy ? 'Answering…' : 'Ask'}</button>
        </div>
      </form>
      {error ? <p role="alert" class="error">{error}</p> : null}
      {busy || answer ? (
        <article class="answer" aria-live="polite" aria-busy={busy} data-question={answer?.question}>
          {answer?.abstained ? (
            <p class="abstained" data-testid="abstention">Abstained ({answer.abstainReason ?? 'no reason given'}): sufficiency <b data-testid="sufficiency">{answer.sufficiency.toFixed(3)}</b></p>
          ) : null}
          <AnswerText text={answer?.text ?? streamed} citations={answer?.citations ?? []} selected={cited} onSelect={setCited} />
          {answer ? <p class="meta" data-testid="answer-meta">{asked} · {answer.model} · sufficiency {answer.sufficiency.toFixed(3)} · {Math.round(answer.latencyMs.total ?? 0)} ms{answer.costUsd !== undefined ? ` · $${answer.costUsd.toFixed(5)}` : ''}</p> : null}
          {answer && feedback && answer.logId ? <FeedbackButtons logId={answer.logId} /> : null}
        </article>
      ) : null}
      {citation ? <CitedSpan key={`${citation.n}`} citation={citation} /> : null}
      {answer ? <TracePanel answer={answer} /> : null}
    </section>
  );
}
