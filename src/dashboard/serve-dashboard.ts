/**
 * The dashboard's static files at `/` (index.html) and `/ui/*` (the bundle), with a strict Content-Security-Policy:
 * everything from this origin, no inline script or style, no framing. Other paths fall through to the API.
 * Files are read once per server and kept in memory (about 100 KB).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { FathomError } from '../util/errors.js';
import { DASHBOARD_DIR } from './dashboard-dir.js';

export const DASHBOARD_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const _TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', map: 'application/json' };

export interface ServeDashboardOptions {
  /** Folder of the built files. @default dist/dashboard/app */
  dir?: string;
}

export function serveDashboard({ dir = DASHBOARD_DIR }: ServeDashboardOptions = {}): MiddlewareHandler {
  let files: Map<string, Buffer> | undefined;
  const load = () => {
    try {
      files ??= new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
    } catch {
      throw new FathomError({ code: 'DASHBOARD_NOT_BUILT', message: `The dashboard is not built (no ${dir}): run \`npm run build\` in the fathom checkout; the API under /v1 works without it.` });
    }
    return files;
  };
  return async (c, next) => {
    const method = c.req.method;
    const path = c.req.path;
    const name = path === '/' || path === '/index.html' ? 'index.html' : /^\/ui\/[\w.-]+$/.test(path) ? path.slice(4) : undefined;
    if ((method !== 'GET' && method !== 'HEAD') || !name) return next();
    const body = load().get(name);
    if (!body) return next();
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: {
      'Content-Type': _TYPES[name.split('.').pop()!] ?? 'application/octet-stream',
      'Content-Security-Policy': DASHBOARD_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    } });
  };
}
