import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Hono } from 'hono';
import { FathomError } from '../util/errors.js';
import { serveDashboard } from './serve-dashboard.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-dash-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(join(dir, 'main.js'), 'export {}');
after(() => rmSync(dir, { recursive: true, force: true }));

const appWith = (d: string) => {
  const app = new Hono();
  app.onError((e, c) => c.json({ code: FathomError.isInstance(e) ? e.code : 'INTERNAL', message: e.message }, 500));
  app.use('*', serveDashboard({ dir: d }));
  app.all('*', (c) => c.text('api', 404));
  return app;
};

describe('serveDashboard', () => {
  it('serves index.html at / and bundle files under /ui/ with a strict CSP', async () => {
    const app = appWith(dir);
    const index = await app.request('/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type')!, /text\/html/);
    assert.match(index.headers.get('content-security-policy')!, /default-src 'self'.*script-src 'self'.*frame-ancestors 'none'/);
    const js = await app.request('/ui/main.js');
    assert.equal(await js.text(), 'export {}');
    assert.match(js.headers.get('content-type')!, /text\/javascript/);
    assert.equal((await app.request('/ui/main.js', { method: 'HEAD' })).status, 200);
  });

  it('leaves other paths, other methods and traversal attempts to the API', async () => {
    const app = appWith(dir);
    for (const [path, method] of [['/v1/documents', 'GET'], ['/', 'POST'], ['/ui/..%2f..%2fpackage.json', 'GET'], ['/ui/%2e%2e%2fsecret', 'GET'], ['/ui/missing.js', 'GET']] as const) {
      assert.equal(await (await app.request(path, { method })).text(), 'api', `${method} ${path}`);
    }
  });

  it('answers DASHBOARD_NOT_BUILT with what to run when the assets are missing', async () => {
    const r = await appWith(join(dir, 'nope')).request('/');
    const body = (await r.json()) as { code: string; message: string };
    assert.equal(body.code, 'DASHBOARD_NOT_BUILT');
    assert.match(body.message, /npm run build/);
  });
});
