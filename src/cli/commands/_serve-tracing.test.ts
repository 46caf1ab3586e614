import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { _startTracing } from './_serve-tracing.js';

describe('fathom serve tracing', () => {
  it('exports spans over OTLP/HTTP to a loopback receiver', async () => {
    const received: Array<{ url?: string; type?: string; body: string }> = [];
    const receiver = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (d: Buffer) => void (body += d.toString('latin1')));
      req.on('end', () => {
        received.push({ url: req.url, type: req.headers['content-type'], body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const { port } = receiver.address() as AddressInfo;
    try {
      const tracing = await _startTracing({ otlpUrl: `http://127.0.0.1:${port}/v1/traces`, serviceName: 'fathom-test' });
      const span = tracing.tracer.startSpan('fathom.retrieve', { attributes: { 'fathom.hits': 3 } });
      span.end();
      await tracing.shutdown();
      assert.equal(received.length, 1);
      assert.equal(received[0]!.url, '/v1/traces');
      assert.match(received[0]!.body, /fathom\.retrieve/);
      assert.match(received[0]!.body, /fathom\.hits/);
    } finally {
      await new Promise((r) => receiver.close(r));
    }
  });
});
