/**
 * OpenAI-compatible endpoints, so any OpenAI client works unchanged: `POST /v1/chat/completions` where
 * `model` names a RAG pipeline (the last user message is the question; earlier turns are given as context
 * for follow-ups), non-streaming and SSE `chat.completion.chunk` + `[DONE]`; the answer carries `[n]`
 * citations and the sources ride in the extension field `fathom` (ignored by plain clients).
 * `GET /v1/models` lists pipelines; `POST /v1/embeddings` serves the configured embedding model.
 */
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { answer, streamAnswer } from '../../generate/index.js';
import type { Answer } from '../../spec/answer.js';
import { embedMany } from '../../core/embed-many.js';
import { FathomError, toFathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { chatCompletionRequestSchema, embeddingsRequestSchema } from '../schemas/request-schemas.js';
import { reportAnswer } from '../trace-stages.js';
import { validateBody } from '../validate-body.js';
import { pipelineAnswerOptions } from './_pipeline-answer.js';
import { readJson } from './_read-json.js';

type _Message = { role: string; content?: string | Array<{ type: string; text?: string }> | null };
interface _ChatRequest { model: string; messages: _Message[]; stream?: boolean; temperature?: number; max_tokens?: number; max_completion_tokens?: number }

const _text = (m: _Message): string => (typeof m.content === 'string' ? m.content : Array.isArray(m.content) ? m.content.map((p) => p.text ?? '').join('') : '');

/** The question: the last user message, followed by the earlier user turns (so "and the Team plan?" keeps its subject). */
export function _question(messages: _Message[]): string {
  const lastUser = messages.map((m) => m.role).lastIndexOf('user');
  if (lastUser < 0) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'messages has no user message: the last user message is the question.' });
  const last = _text(messages[lastUser]!).trim();
  if (!last) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'The last user message is empty.' });
  // Earlier user turns only: they carry the subject of a follow-up; assistant turns would add the old answer's terms.
  const earlier = messages.slice(0, lastUser).filter((m) => m.role === 'user').map((m) => _text(m).trim()).filter(Boolean);
  return earlier.length === 0 ? last : `${last}\n(Earlier questions in this conversation: ${earlier.slice(-3).join(' | ')})`;
}

/** The `fathom` extension field: sources, citations, abstention, audit id. */
function _extension(a: Answer) {
  return {
    sources: a.sources.map(({ hit: _h, ...src }) => src),
    citations: a.citations,
    abstained: a.abstained,
    ...(a.abstainReason ? { abstainReason: a.abstainReason } : {}),
    sufficiency: a.sufficiency,
    logId: a.logId,
  };
}

export function openaiRoute(app: Hono<_Env>, s: _ServerContext): void {
  app.get('/v1/models', (c) => {
    const created = Math.floor(s.now() / 1000);
    return c.json({ object: 'list', data: [...s.pipelines.keys()].map((id) => ({ id, object: 'model', created, owned_by: 'fathom' })) });
  });

  app.post('/v1/chat/completions', async (c) => {
    const body = validateBody<_ChatRequest>(chatCompletionRequestSchema, await readJson(c));
    const identity = c.get('identity');
    const startedAt = s.now();
    const abort = new AbortController();
    const options = pipelineAnswerOptions(s, {
      identity, question: _question(body.messages), pipeline: body.model, requestId: c.get('requestId'), signal: body.stream ? AbortSignal.any([c.get('signal'), abort.signal]) : c.get('signal'),
      maxOutputTokens: body.max_completion_tokens ?? body.max_tokens, temperature: body.temperature,
    });
    const id = `chatcmpl-${s.generateId()}`;
    const created = Math.floor(startedAt / 1000);
    if (!body.stream) {
      const a = await answer(options);
      reportAnswer({ tracer: s.tracer, parent: c.get('span'), metrics: s.metrics, startedAt }, a);
      return c.json({
        id, object: 'chat.completion', created, model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: a.text, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: a.usage.inputTokens, completion_tokens: a.usage.outputTokens, total_tokens: a.usage.inputTokens + a.usage.outputTokens },
        fathom: _extension(a),
      });
    }
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => abort.abort());
      const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) =>
        stream.writeSSE({ data: JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra }) });
      await chunk({ role: 'assistant', content: '' }, null);
      try {
        for await (const part of streamAnswer(options)) {
          if (stream.aborted) return;
          if (part.type === 'text-delta') await chunk({ content: part.delta }, null);
          else {
            reportAnswer({ tracer: s.tracer, parent: c.get('span'), metrics: s.metrics, startedAt }, part.answer);
            const a = part.answer;
            await chunk({}, 'stop', { usage: { prompt_tokens: a.usage.inputTokens, completion_tokens: a.usage.outputTokens, total_tokens: a.usage.inputTokens + a.usage.outputTokens }, fathom: _extension(a) });
          }
        }
      } catch (error) {
        if (!stream.aborted) await stream.writeSSE({ data: JSON.stringify(toFathomError(error).toJSON()) });
      }
      if (!stream.aborted) await stream.writeSSE({ data: '[DONE]' });
    });
  });

  app.post('/v1/embeddings', async (c) => {
    const body = validateBody<{ model?: string; input: string | string[]; encoding_format?: 'float' | 'base64' }>(embeddingsRequestSchema, await readJson(c));
    const model = s.options.embedder;
    if (!model) throw new FathomError({ code: 'NOT_FOUND', message: 'This server has no embedding model: configure "embedding" in fathom.config.json to serve /v1/embeddings.' });
    const values = typeof body.input === 'string' ? [body.input] : body.input;
    const r = await embedMany({ model, values, abortSignal: c.get('signal') });
    return c.json({
      object: 'list', model: model.modelId,
      // base64 = the float32 little-endian bytes (what the official clients request by default).
      data: r.embeddings.map((e, index) => ({ object: 'embedding', index, embedding: body.encoding_format === 'base64' ? Buffer.from(e.buffer, e.byteOffset, e.byteLength).toString('base64') : Array.from(e) })),
      usage: { prompt_tokens: r.usage.tokens, total_tokens: r.usage.tokens },
    });
  });
}
