import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One scripted answer, consumed by one request in arrival order; when the script is used up the server
 * answers normally. `'ok'` answers normally too. `hang` never answers (timeout tests); `rawBody` sends
 * text as-is (malformed JSON tests); `status` + `body` send a JSON error or a custom success.
 */
export type ServerScriptStep =
  | 'ok'
  | { status?: number; headers?: Record<string, string>; body?: unknown; rawBody?: string; hang?: boolean; delayMs?: number };

/** A request the server received, with its JSON body parsed (or the raw text if it was not JSON). */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A running loopback test server. */
export interface ScriptedServer {
  /** Base URL, e.g. `http://127.0.0.1:40123/v1`. */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** What a route handler returns. */
export interface RouteResponse { status: number; body: unknown; headers?: Record<string, string> }

export async function _startScriptedServer({ script = [], basePath, handle }: {
  script?: ServerScriptStep[];
  basePath: string;
  handle: (request: RecordedRequest) => RouteResponse;
}): Promise<ScriptedServer> {
  const steps = [...script];
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    _readRequest(req, (request) => {
      requests.push(request);
      const step = steps.shift() ?? 'ok';
      if (step !== 'ok' && step.hang) return;
      const send = (): void => {
        if (step !== 'ok' && step.rawBody !== undefined) {
          res.writeHead(step.status ?? 200, { 'content-type': 'application/json', ...step.headers }).end(step.rawBody);
          return;
        }
        const out = step !== 'ok' && (step.status !== undefined || step.body !== undefined)
          ? { status: step.status ?? 200, body: step.body ?? { error: { message: `scripted ${step.status}` } }, headers: step.headers }
          : handle({ ...request, path: request.path.startsWith(basePath) ? request.path.slice(basePath.length) : request.path });
        res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers }).end(JSON.stringify(out.body));
      };
      const delay = step !== 'ok' ? step.delayMs : undefined;
      if (delay) setTimeout(send, delay);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A JSON error body in the OpenAI shape. */
export function _errorBody(message: string, type = 'invalid_request_error'): unknown {
  return { error: { message, type } };
}

/** Read a request's body (JSON when it parses, else the raw text) into a RecordedRequest. */
export function _readRequest(req: IncomingMessage, then: (request: RecordedRequest) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // keep the raw text
    }
    then({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body });
  });
}
