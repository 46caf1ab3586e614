import { createParser } from 'eventsource-parser';

/** One Server-Sent Event. `event` is `'message'` when the server sent no `event:` field. */
export interface SseEvent {
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  id?: string;
  /** The `retry:` field in milliseconds, when sent. */
  retry?: number;
}

/**
 * Parses a Server-Sent Events byte (or text) stream into events with eventsource-parser (the WHATWG
 * EventSource rules: LF / CRLF / CR line ends, also split across chunks; `:` comments; several `data:` lines
 * joined with `\n`; a blank line dispatches). UTF-8 sequences split across chunks decode correctly. A final
 * event without its blank line is dispatched too (servers that close right after `data:`).
 */
export async function* parseSse(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder('utf-8');
  const ready: SseEvent[] = [];
  let retry: number | undefined;
  const parser = createParser({
    onEvent: (e) => {
      const event: SseEvent = { event: e.event || 'message', data: e.data };
      if (e.id !== undefined) event.id = e.id;
      if (retry !== undefined) event.retry = retry;
      retry = undefined;
      ready.push(event);
    },
    onRetry: (ms) => { retry = ms; },
  });
  for await (const chunk of stream) {
    parser.feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    yield* ready.splice(0);
  }
  parser.feed(`${decoder.decode()}\n\n`);
  yield* ready.splice(0);
}
