import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { FathomError } from '../errors.js';
import { postSse } from './post-sse.js';
import type { SseEvent } from './sse.js';

let server: Server;
let url: string;
const isCode = (code: string) => (e: unknown) => FathomError.isInstance(e) && e.code === code;

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow-drip') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      let n = 0;
      const timer = setInterval(() => {
        res.write(`data: ${n}\n\n`);
        if (++n === 12) {
          clearInterval(timer);
          res.end();
        }
      }, 150);
      return;
    }
    if (req.url === '/limited') return void res.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' }).end('{"error":{"message":"slow down"}}');
    if (req.url === '/silent') return void res.writeHead(200, { 'content-type': 'text/event-stream' }).write('data: first\n\n');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
}));

async function collect(events: AsyncIterable<SseEvent>): Promise<string[]> {
  const data: string[] = [];
  for await (const event of events) data.push(event.data);
  return data;
}

describe('postSse', () => {
  // Margins are wide (gaps 150 ms vs a 1,200 ms deadline; the stream lasts 1.8 s) so a loaded machine cannot flake it.
  it('treats timeoutMs as an idle deadline: a stream longer than it but never silent that long completes', async () => {
    const events = await postSse({ url: `${url}/slow-drip`, body: {}, timeoutMs: 1200, provider: 'test' });
    assert.deepEqual(await collect(events), Array.from({ length: 12 }, (_, i) => String(i)));
  });

  it('maps HTTP errors like postJson (429 with Retry-After)', async () => {
    await assert.rejects(postSse({ url: `${url}/limited`, body: {}, provider: 'test' }), (e: unknown) => isCode('PROVIDER_RATE_LIMITED')(e) && (e as FathomError).details.retryAfterMs === 7000 && /slow down/.test((e as Error).message));
  });

  it('throws PROVIDER_TIMEOUT from the iterator when the stream goes silent', async () => {
    const events = await postSse({ url: `${url}/silent`, body: {}, timeoutMs: 600, provider: 'test' });
    const seen: string[] = [];
    await assert.rejects(async () => {
      for await (const event of events) seen.push(event.data);
    }, isCode('PROVIDER_TIMEOUT'));
    assert.deepEqual(seen, ['first']);
  });
});
