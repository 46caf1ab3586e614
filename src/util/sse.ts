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
 * Parses a Server-Sent Events byte (or text) stream into events, per the WHATWG EventSource rules:
 * lines end with LF, CRLF or CR (also when split across chunks), `:` lines are comments, one leading
 * space after the colon is dropped, several `data:` lines join with `\n`, a blank line dispatches, and an
 * event without data is not dispatched. UTF-8 sequences split across chunks decode correctly.
 */
export async function* parseSse(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let pendingCR = false;
  let fields: { event?: string; data: string[]; id?: string; retry?: number } = { data: [] };

  const takeLine = function* (line: string): Generator<SseEvent> {
    if (line === '') {
      if (fields.data.length > 0) {
        const event: SseEvent = { event: fields.event || 'message', data: fields.data.join('\n') };
        if (fields.id !== undefined) event.id = fields.id;
        if (fields.retry !== undefined) event.retry = fields.retry;
        yield event;
      }
      fields = { data: [] };
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') fields.data.push(value);
    else if (name === 'event') fields.event = value;
    else if (name === 'id' && !value.includes('\0')) fields.id = value;
    else if (name === 'retry' && /^\d+$/.test(value)) fields.retry = Number(value);
  };

  const drain = function* (text: string): Generator<SseEvent> {
    buffer += text;
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const ch = buffer.charCodeAt(i);
      if (ch === 10 && pendingCR && i === start) {
        // the LF of a CRLF whose CR ended the previous scan
        pendingCR = false;
        start = i + 1;
        continue;
      }
      pendingCR = false;
      if (ch === 10 || ch === 13) {
        yield* takeLine(buffer.slice(start, i));
        if (ch === 13) {
          if (i + 1 < buffer.length) {
            if (buffer.charCodeAt(i + 1) === 10) i++;
          } else {
            pendingCR = true;
          }
        }
        start = i + 1;
      }
    }
    buffer = buffer.slice(start);
  };

  for await (const chunk of stream) {
    yield* drain(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  }
  yield* drain(decoder.decode());
  // A final event without its blank line is dispatched too (servers that close right after `data:`).
  if (buffer !== '') yield* takeLine(buffer);
  buffer = '';
  yield* takeLine('');
}
