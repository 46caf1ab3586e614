/**
 * Every error leaves the server as `{ "error": { code, category, message, retryable, details } }` with
 * the HTTP status of its catalogue code (401, 403, 404, 413, 429 with Retry-After, 400/500/502/504); never
 * a stack trace. Unknown errors become INTERNAL and are logged with their stack.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { FathomError, toFathomError } from '../util/errors.js';
import type { _Env, _ServerContext } from './_context.js';

export function toErrorResponse(s: _ServerContext, error: unknown, c: Context<_Env>): Response {
  let fe: FathomError;
  if (error instanceof HTTPException) {
    const status = error.status;
    fe = new FathomError({ code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 401 ? 'UNAUTHENTICATED' : status === 404 ? 'NOT_FOUND' : 'INVALID_ARGUMENT', message: error.message || `HTTP ${status}` });
  } else fe = toFathomError(error);
  if (fe.code === 'INTERNAL' || fe.category === 'system') s.logger.error({ reqId: c.get('requestId'), err: error }, fe.message);
  const headers: Record<string, string> = {};
  const retry = fe.details.retryAfterSec;
  if (typeof retry === 'number') headers['Retry-After'] = String(retry);
  if (fe.code === 'UNAUTHENTICATED') headers['WWW-Authenticate'] = 'Bearer';
  return c.json(fe.toJSON(), fe.httpStatus as ContentfulStatusCode, headers);
}
