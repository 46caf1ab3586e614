/**
 * Ask playground: the answer streams in; each `[n]` is a button that shows the cited source's span inside its
 * document (highlighted at exactly the citation's offsets). Abstentions show the reason and the sufficiency
 * score; the retrieval trace shows each stage's scores, ranks and timings. Feedback buttons appear when the
 * server offers the feedback route. What the ask API accepts is choosable (`AskChoices`: pipeline, prompt variant,
 * mode, hops, sources, collection); left empty, the pipeline's defaults apply.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Answer } from '../../spec/answer.js';
import { errorText, hasRoute } from './api.js';
import { AnswerText } from './answer-text.js';
import { AskChoices, askBody, describeChoices, NO_CHOICES, type Choices } from './ask-choices.js';
import { CitedSpan } from './cited-span.js';
import { FeedbackButtons } from './feedback-buttons.js';
import { streamAsk } from './stream-ask.js';
import { TracePanel } from './trace-panel.js';

export function AskPage() {
  const [question, setQuestion] = useState('');
  const [choices, setChoices] = useState<Choices>(NO_CHOICES);
  const [asked, setAsked] = useState('');
  const [streamed, setStreamed] = useState('');
  const [answer, setAnswer] = useState<Answer>();
  const [cited, setCited] = useState<number>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState(false);
  useEffect(() => {
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
      const a = await streamAsk(askBody(question, choices), (d) => setStreamed((s) => s + d));
      setAsked(describeChoices(choices));
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
        <AskChoices value={choices} onChange={setChoices} />
        <div class="row"><button type="submit" disabled={busy || !question.trim()}>{busy ? 'Answering…' : 'Ask'}</button></div>
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
