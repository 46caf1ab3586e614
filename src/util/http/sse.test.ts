import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseSse, type SseEvent } from './sse.js';

async function collect(chunks: (string | Uint8Array)[]): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of parseSse((async function* () { yield* chunks; })())) events.push(event);
  return events;
}

const sample = 'event: message_start\ndata: {"a":1}\n\n: keep-alive comment\n\ndata: first\ndata: second\nid: 7\nretry: 1500\n\ndata:no-space\n\n';
const expected: SseEvent[] = [
  { event: 'message_start', data: '{"a":1}' },
  { event: 'message', data: 'first\nsecond', id: '7', retry: 1500 },
  { event: 'message', data: 'no-space' },
];

describe('parseSse', () => {
  it('parses events, comments, multi-line data, id and retry', async () => {
    assert.deepEqual(await collect([sample]), expected);
  });

  it('gives the same events however the bytes are split, including CRLF and multi-byte UTF-8', async () => {
    const crlf = 'data: héllo 👋\r\n\r\nevent: x\rdata: y\r\r' + sample.replaceAll('\n', '\r\n');
    const bytes = new TextEncoder().encode(crlf);
    const whole = await collect([bytes]);
    assert.deepEqual(whole.slice(0, 2), [{ event: 'message', data: 'héllo 👋' }, { event: 'x', data: 'y' }]);
    assert.deepEqual(whole.slice(2), expected);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const chunks = points.slice(1).map((end, i) => bytes.slice(points[i], end));
        assert.deepEqual(await collect(chunks), whole);
      }),
      { numRuns: 150 },
    );
  });

  it('does not dispatch events without data and dispatches a final event missing its blank line', async () => {
    assert.deepEqual(await collect(['event: ping\n\n', 'data: [DONE]']), [{ event: 'message', data: '[DONE]' }]);
  });

  it('keeps a value with colons and drops only one leading space', async () => {
    assert.deepEqual(await collect(['data:  two spaces: a:b\n\n']), [{ event: 'message', data: ' two spaces: a:b' }]);
  });
});
