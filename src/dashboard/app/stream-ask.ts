/** `POST /v1/ask` with `stream: true`: calls `onDelta` per text-delta event, resolves with the final answer. */
import { createParser } from 'eventsource-parser';
import type { Answer } from '../../spec/answer.js';
import { ApiError, apiFetch } from './api.js';

export interface AskBody {
  question: string;
  pipeline?: string;
  k?: number;
  mode?: string;
  /** A prompt variant's id (`GET /v1/prompts`). */
  prompt?: string;
  /** 2: multi-hop retrieval. */
  hops?: 1 | 2;
  /** A metadata filter, e.g. `{ collection: 'kb' }`. */
  filter?: Record<string, unknown>;
}

export async function streamAsk(body: AskBody, onDelta: (delta: string) => void, signal?: AbortSignal): Promise<Answer> {
  const r = await apiFetch('/v1/ask', { json: { ...body, stream: true }, signal });
  let final: Answer | undefined;
  let failure: ApiError | undefined;
  const parser = createParser({
    onEvent(e) {
      if (e.event === 'text-delta') onDelta((JSON.parse(e.data) as { delta: string }).delta);
      else if (e.event === 'answer') final = JSON.parse(e.data) as Answer;
      else if (e.event === 'error') {
        const err = JSON.parse(e.data) as { code: string; message: string };
        failure = new ApiError(err.code, err.message, 500);
      }
    },
  });
  const reader = r.body!.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(value);
  }
  if (failure) throw failure;
  if (!final) throw new ApiError('INTERRUPTED', 'The answer stream ended early: ask again.', 500);
  return final;
}
