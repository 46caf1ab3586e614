import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { _readRequest, type RecordedRequest, type ScriptedServer } from './_scripted-server.js';

/**
 * One scripted answer of a chat test server, consumed by one request in arrival order (then answers are
 * normal). Besides the plain HTTP faults (`status`/`body`/`rawBody`/`hang`/`delayMs`), a step can fix the
 * reply text and finish reason, or break a stream after `afterDeltas` text deltas: `streamError` sends the
 * protocol's error event, `streamHang` goes silent (idle-timeout tests), `streamCut` drops the connection,
 * `streamRaw` sends raw SSE text instead of the protocol's events (malformed-chunk tests).
 */
export type ChatServerScriptStep =
  | 'ok'
  | { status?: number; headers?: Record<string, string>; body?: unknown; rawBody?: string; hang?: boolean; delayMs?: number }
  | { reply?: string; finishReason?: string; afterDeltas?: number; streamError?: string; streamHang?: boolean; streamCut?: boolean; streamRaw?: string };

/** What the protocol layer decided to answer. */
export interface _ChatPlan {
  stream: boolean;
  deltas: string[];
  finishReason: string;
  inputTokens: number;
  model: string;
  /** Protocol-specific extras (e.g. the forced tool name). */
  extra?: Record<string, unknown>;
}

/** Protocol hooks of {@link _startChatServer}. */
export interface _ChatProtocol {
  basePath: string;
  route: string;
  /** Returns an HTTP error response when the request is not acceptable (auth, shape). */
  reject(request: RecordedRequest): { status: number; body: unknown } | undefined;
  plan(request: RecordedRequest, reply: string | undefined, finishReason: string | undefined): _ChatPlan;
  json(plan: _ChatPlan): unknown;
  /** The full SSE text of each event, in order; `deltaEvents[i]` is the index of the i-th text delta event. */
  events(plan: _ChatPlan): { events: string[]; firstDelta: number };
  errorEvent(message: string): string;
}

/** The shared engine of the OpenAI-chat and Anthropic test servers. */
export async function _startChatServer(protocol: _ChatProtocol, { script = [], chunkBytes = 7 }: { script?: ChatServerScriptStep[]; chunkBytes?: number }): Promise<ScriptedServer> {
  const steps = [...script];
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    _readRequest(req, (request) => {
      requests.push(request);
      const step = steps.shift() ?? 'ok';
      const s = step === 'ok' ? {} : step;
      if ('hang' in s && s.hang) return;
      const send = (): void => {
        if ('rawBody' in s && s.rawBody !== undefined) return void res.writeHead(s.status ?? 200, { 'content-type': 'application/json', ...s.headers }).end(s.rawBody);
        if ('status' in s && (s.status !== undefined || s.body !== undefined)) {
          return void res.writeHead(s.status ?? 200, { 'content-type': 'application/json', ...s.headers }).end(JSON.stringify(s.body ?? { error: { message: `scripted ${s.status}` } }));
        }
        const relative = request.path.startsWith(protocol.basePath) ? request.path.slice(protocol.basePath.length) : request.path;
        if (request.method !== 'POST' || relative !== protocol.route) return void _json(res, 404, { error: { message: `No route ${request.method} ${request.path}` } });
        const rejection = protocol.reject(request);
        if (rejection) return void _json(res, rejection.status, rejection.body);
        const scripted = 'reply' in s || 'finishReason' in s ? (s as { reply?: string; finishReason?: string }) : {};
        const plan = protocol.plan(request, scripted.reply, scripted.finishReason);
        if (!plan.stream) return void _json(res, 200, protocol.json(plan));
        void _stream(res, protocol, plan, s as Extract<ChatServerScriptStep, { afterDeltas?: number }>, chunkBytes);
      };
      const delay = 'delayMs' in s ? s.delayMs : undefined;
      if (delay) setTimeout(send, delay);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${protocol.basePath}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function _stream(res: ServerResponse, protocol: _ChatProtocol, plan: _ChatPlan, step: Extract<ChatServerScriptStep, { afterDeltas?: number }>, chunkBytes: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const { events, firstDelta } = protocol.events(plan);
  const breaks = step.streamError !== undefined || step.streamHang || step.streamCut || step.streamRaw !== undefined;
  let text = events.join('');
  if (breaks) {
    text = events.slice(0, firstDelta + (step.afterDeltas ?? 0)).join('');
    if (step.streamError !== undefined) text += protocol.errorEvent(step.streamError);
    if (step.streamRaw !== undefined) text += step.streamRaw;
  }
  // Write in small slices, one per tick, so SSE lines and multi-byte characters arrive split.
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    if (res.destroyed) return;
    res.write(bytes.subarray(at, at + chunkBytes));
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (step.streamHang) return;
  if (step.streamCut) return void res.destroy();
  res.end();
}

function _json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Splits a reply into word-sized deltas (each keeps its trailing space). */
export function _deltas(reply: string): string[] {
  return reply.match(/\S+\s*|\s+/g) ?? [];
}

/** Rough token count used for the fake usage numbers: whitespace-separated words. */
export function _words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A minimal value valid against a JSON Schema (object properties, arrays, enums, scalars). */
export function exampleForSchema(schema: Record<string, unknown> | undefined): unknown {
  if (!schema) return {};
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || schema.properties) {
    const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    return Object.fromEntries(Object.entries(properties).map(([key, sub]) => [key, exampleForSchema(sub)]));
  }
  if (type === 'array') return [exampleForSchema(schema.items as Record<string, unknown> | undefined)];
  if (type === 'string') return 'example';
  if (type === 'number' || type === 'integer') return 1;
  if (type === 'boolean') return true;
  return null;
}
