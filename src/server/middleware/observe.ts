/**
 * First middleware of every request: a request id (`X-Request-Id`, echoed or generated), the request's
 * abort signal (client disconnect or the per-request timeout), a span, one JSON log line, and the
 * request counters and latency histogram labelled by route pattern.
 */
import { SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';

export function observe(s: _ServerContext): MiddlewareHandler<_Env> {
  // Request ids: one random id per server and a counter (unique across processes sharing a log, no random bytes per request).
  const idPrefix = `${s.generateId('req_')}-`;
  let requests = 0;
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : idPrefix + (++requests).toString(36);
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    // One controller aborted by the client going away or by the timeout (not AbortSignal.any, whose weak-ref
    // bookkeeping cost ~10% of a request's CPU in the server's profile).
    const abort = new AbortController();
    const client = c.req.raw.signal;
    if (client.aborted) abort.abort(client.reason);
    else client.addEventListener('abort', () => abort.abort(client.reason), { once: true });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new FathomError({ code: 'REQUEST_TIMEOUT', message: `The request took longer than ${s.config.requestTimeoutMs} ms and was stopped; narrow it or raise server.requestTimeoutMs.` });
        abort.abort(error);
        reject(error);
      }, s.config.requestTimeoutMs);
      timer.unref?.();
    });
    c.set('signal', abort.signal);
    const span = s.tracer?.startSpan(`${c.req.method} ${c.req.path}`, { attributes: { 'http.request.method': c.req.method, 'url.path': c.req.path, 'fathom.request_id': requestId } });
    c.set('span', span);
    const run = () => Promise.race([next(), timedOut]);
    try {
      await (span ? context.with(trace.setSpan(context.active(), span), run) : run());
    } finally {
      clearTimeout(timer);
      const route = routePath(c) || 'unmatched';
      const status = c.res.status;
      const ms = performance.now() - started;
      s.metrics.requests.inc({ method: c.req.method, route, status: String(status) });
      s.metrics.requestSeconds.observe({ method: c.req.method, route }, ms / 1000);
      const id = c.get('identity');
      if (s.logger.isLevelEnabled('info')) s.logger.info({ reqId: requestId, method: c.req.method, route, path: c.req.path, status, ms: Math.round(ms * 100) / 100, tenant: id?.tenant, principal: id?.principal }, 'request');
      if (span) {
        span.setAttribute('http.route', route);
        span.setAttribute('http.response.status_code', status);
        if (id) span.setAttributes({ 'fathom.tenant': id.tenant, 'fathom.principal': id.principal });
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    }
  };
}
