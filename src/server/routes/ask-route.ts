/**
 * `POST /v1/ask`: a cited answer as JSON, or (`stream: true`) server-sent events: `text-delta` events as
 * the model writes, then `citations`, then the final `answer` record. A client that disconnects aborts the
 * generation (the request signal reaches the model call).
 */
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { answer, streamAnswer } from '../../generate/index.js';
import type { Answer } from '../../spec/answer.js';
import type { AskRequest } from '../../spec/server.js';
import { toFathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { askRequestSchema } from '../schemas/request-schemas.js';
import { reportAnswer } from '../trace-stages.js';
import { validateBody } from '../validate-body.js';
import { answerJson, pipelineAnswerOptions } from './_pipeline-answer.js';
import { readJson } from './_read-json.js';

export function askRoute(app: Hono<_Env>, s: _ServerContext): void {
  app.post('/v1/ask', async (c) => {
    const body = validateBody<AskRequest>(askRequestSchema, await readJson(c));
    const identity = c.get('identity');
    const startedAt = s.now();
    // A stream also stops when its response stream is cancelled; a JSON answer needs only the request's signal
    // (AbortSignal.any's bookkeeping is not free on every request).
    const abort = new AbortController();
    const signal = body.stream ? AbortSignal.any([c.get('signal'), abort.signal]) : c.get('signal');
    const options = pipelineAnswerOptions(s, { identity, question: body.question, pipeline: body.pipeline, k: body.k, mode: body.mode, filter: body.filter, hops: body.hops, prompt: body.prompt, requestId: c.get('requestId'), signal });
    if (!body.stream) {
      const a = await answer(options);
      reportAnswer({ tracer: s.tracer, parent: c.get('span'), metrics: s.metrics, startedAt }, a);
      return c.json(answerJson(a));
    }
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => abort.abort());
      let final: Answer | undefined;
      try {
        for await (const part of streamAnswer(options)) {
          if (stream.aborted) break;
          if (part.type === 'text-delta') await stream.writeSSE({ event: 'text-delta', data: JSON.stringify({ delta: part.delta }) });
          else final = part.answer;
        }
      } catch (error) {
        if (!stream.aborted) await stream.writeSSE({ event: 'error', data: JSON.stringify(toFathomError(error).toJSON()) });
        return;
      }
      if (!final || stream.aborted) return;
      reportAnswer({ tracer: s.tracer, parent: c.get('span'), metrics: s.metrics, startedAt }, final);
      await stream.writeSSE({ event: 'citations', data: JSON.stringify(final.citations) });
      await stream.writeSSE({ event: 'answer', data: JSON.stringify(answerJson(final)) });
    });
  });
}
