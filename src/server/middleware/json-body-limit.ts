/**
 * The JSON body-size limit of `/v1/*`. A request that declares its size (`Content-Length`, no
 * `Transfer-Encoding`) is checked from that header alone, and a body-less GET/HEAD passes: neither touches the
 * body. Hono's `bodyLimit` reads `c.req.raw.body` first, which on @hono/node-server turns its lightweight
 * request into a full web `Request` with a stream over the socket on every request, and the route then reads the
 * body through that stream instead of the adapter's direct read. Chunked bodies (no declared size) still go
 * through `bodyLimit`, which counts the bytes as they arrive.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export function jsonBodyLimit(options: { maxSize: number; onError: () => never }): MiddlewareHandler {
  const counting = bodyLimit({ maxSize: options.maxSize, onError: options.onError });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined && /^\d+$/.test(length)) {
      if (Number(length) > options.maxSize) options.onError();
      return next();
    }
    return counting(c, next);
  };
}
