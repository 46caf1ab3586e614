/**
 * The dashboard's operations pages end to end (issue 17 §6): drift and online evaluation, fine-tuning jobs,
 * API keys, and what a reader's identity (`GET /v1/whoami`) shows. Registered by dashboard.chromium.test.ts
 * inside its suite, so they share its server and its one headless Chromium (a second browser per run cost a
 * start-up and a server); every number shown is checked against the API's JSON, every page with axe-core.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import type { QueryLogEntry } from '../spec/audit.js';
import type { DriftReport } from '../spec/monitor.js';
import type { TuneJobRecord } from '../spec/tune-job.js';
import { goHash as go, screenshot as shot, seriousViolations, signIn } from './__fixtures__/browser.js';
import type { DashboardServer } from './__fixtures__/dashboard-server.js';

// Page-side globals of the functions handed to page.evaluate (this project type-checks without the DOM lib).
/* eslint-disable @typescript-eslint/no-explicit-any */

const num = (x: number) => x.toFixed(3);

/** The operations pages' tests, against the server (started with `operations: true`) and browser `env` holds once its suite's `before` ran. */
export function operationsPages(env: { s: DashboardServer; browser: Browser }): void {
  const api = async (path: string, key: string, json?: unknown): Promise<Response> => fetch(`${env.s.url}${path}`, { method: json ? 'POST' : 'GET', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: json ? JSON.stringify(json) : undefined });
  const navLinks = (page: Page) => page.locator('nav[aria-label="Main"] a').allTextContents();

  it('draws each drift signal over the last windows with the API’s values, thresholds and alerts, and scores answers on demand', async () => {
    const page = await signIn(env.browser, env.s.url, env.s.keys.ops);
    try {
      await page.getByRole('link', { name: 'Drift' }).click();
      await page.getByTestId('drift-alerts').waitFor();
      await page.locator('section[aria-labelledby="drift-title"][aria-busy="false"]').waitFor();
      const { reports } = (await (await api('/v1/monitor/drift/series?window=day&points=14&baseline=7', env.s.keys.ops)).json()) as { reports: DriftReport[] };
      const names = [...new Set(reports.flatMap((r) => r.signals.map((x) => x.name)))];
      assert.deepEqual(await page.locator('article.signal').evaluateAll((els) => els.map((e: any) => e.dataset.signal)), names);
      assert.equal(await page.locator('article.signal canvas').count() >= names.length, true, 'a chart per signal');
      for (const name of names) {
        const expected = reports.map((r) => r.signals.find((x) => x.name === name)!).map((x) => [num(x.current), num(x.baseline), `${x.n.current} / ${x.n.baseline}`, x.status]);
        const shown = await page.getByTestId(`signal-${name}`).locator('tbody tr').evaluateAll((trs) => trs.map((tr: any) => [...tr.children].map((td: any) => td.textContent)));
        assert.deepEqual(shown.map((c) => [c[1], c[2], c[4], c[5]]), expected, name);
        assert.equal(await page.locator(`article[data-signal="${name}"] .meta`).textContent(), `Threshold: ${reports.at(-1)!.signals.find((x) => x.name === name)!.threshold}`);
      }
      const alerting = reports.at(-1)!.signals.filter((x) => x.status === 'alert').map((x) => x.name);
      assert.ok(alerting.length > 0, 'the fixture drifts in its last days');
      assert.deepEqual(await page.locator('[data-testid="drift-alerts"] li').evaluateAll((lis) => lis.map((li: any) => li.dataset.signal)), alerting);
      await shot(page, 'drift');
      assert.deepEqual(await seriousViolations(page), []);
      await page.getByLabel('Sampling rate').fill('1');
      await page.getByRole('button', { name: 'Score recent answers now' }).click();
      await page.getByRole('status').filter({ hasText: /^succeeded: \d+ of \d+ entries scored$/ }).waitFor();
      const { entries } = (await (await api('/v1/audit?limit=1', env.s.keys.ops)).json()) as { entries: QueryLogEntry[] };
      const entry = (await (await api(`/v1/audit/${entries[0]!.id}`, env.s.keys.ops)).json()) as QueryLogEntry;
      assert.ok(entry.online, 'the newest entry was scored at rate 1');
      await go(page, `#/audit/${encodeURIComponent(entry.id)}`);
      const shown = await page.getByTestId('online-scores').textContent();
      for (const [k, v] of Object.entries(entry.online.metrics)) assert.ok(shown!.includes(`${k} ${Number(v).toFixed(3)}`), `${k} in ${shown}`);
    } finally {
      await page.close();
    }
  });

  it('lists the tenant’s fine-tuning jobs and opens one with its events, as the API returns them', async () => {
    const page = await signIn(env.browser, env.s.url, env.s.keys.reader);
    try {
      const { jobs } = (await (await api('/v1/tune/jobs', env.s.keys.reader)).json()) as { jobs: TuneJobRecord[] };
      assert.equal(jobs.length, 2);
      await page.getByRole('link', { name: 'Fine-tuning' }).click();
      await page.locator('[data-testid="tune-jobs"] tbody tr').first().waitFor();
      const rows = await page.locator('[data-testid="tune-jobs"] tbody tr').evaluateAll((trs) => trs.map((tr: any) => [tr.dataset.job, ...[...tr.children].slice(1, 6).map((td: any) => td.textContent)]));
      assert.deepEqual(rows, [...jobs].sort((a, b) => b.createdAt - a.createdAt).map((j) => [j.id, j.status, j.backend, j.baseModel, j.fineTunedModel ?? '—', String(j.events.length)]));
      assert.deepEqual(await seriousViolations(page), []);
      await shot(page, 'tune-jobs');
      const job = (await (await api('/v1/tune/jobs/tj_support_v1', env.s.keys.reader)).json()) as TuneJobRecord;
      await page.getByRole('link', { name: 'tj_support_v1' }).click();
      await page.getByTestId('tune-events').waitFor();
      const events = await page.locator('[data-testid="tune-events"] tbody tr').evaluateAll((trs) => trs.map((tr: any) => [tr.dataset.event, tr.children[1].textContent, tr.children[3].textContent]));
      assert.deepEqual(events, job.events.map((e) => [e.id, e.level, e.message]));
      assert.match(await page.getByTestId('tune-job').textContent() ?? '', new RegExp(`Fine-tuned model${job.fineTunedModel!.replace(/[.]/g, '\\.')}`));
      const losses = job.events.flatMap((e) => (e.type === 'metrics' ? [(e.data as { step: number; train_loss: number })] : []));
      assert.equal(await page.getByTestId('loss-chart').getAttribute('aria-label'), `Loss over ${losses.length} logged steps, last train loss ${losses.at(-1)!.train_loss} at step ${losses.at(-1)!.step}`);
      assert.equal(await page.locator('[data-testid="loss-chart"] canvas').count(), 1);
      await shot(page, 'tune-job');
      assert.deepEqual(await seriousViolations(page), []);
    } finally {
      await page.close();
    }
  });

  it('lets an admin list, create and revoke API keys; the new key works until it is revoked', async () => {
    const page = await signIn(env.browser, env.s.url, env.s.keys.admin);
    try {
      await page.getByRole('link', { name: 'API keys' }).click();
      await page.locator('[data-testid="keys"] tbody tr').first().waitFor();
      const listed = async () => ((await (await api('/v1/keys', env.s.keys.admin)).json()) as { keys: Array<{ id: string; principal: string; role: string; revokedAt?: number }> }).keys;
      const ids = () => page.locator('[data-testid="keys"] tbody tr').evaluateAll((trs) => trs.map((tr: any) => tr.dataset.key));
      assert.deepEqual(await ids(), (await listed()).map((k) => k.id));
      await page.getByLabel('Principal').fill('user:carl');
      await page.getByLabel('Role').selectOption('writer');
      await page.getByLabel('Label').fill('ci');
      await page.getByRole('button', { name: 'Create key' }).click();
      const secret = (await page.getByTestId('new-key').locator('code').textContent())!;
      assert.match(secret, /^fk_/);
      const created = (await listed()).find((k) => k.principal === 'user:carl')!;
      assert.equal(created.role, 'writer');
      await page.locator(`[data-testid="keys"] tr[data-key="${created.id}"]`).waitFor();
      assert.equal((await api('/v1/documents', secret)).status, 200, 'the new key authenticates');
      await shot(page, 'api-keys');
      assert.deepEqual(await seriousViolations(page), []);
      await page.getByRole('button', { name: `Revoke ${created.id}` }).click();
      await page.getByRole('button', { name: `Yes, revoke ${created.id}` }).click();
      await page.locator(`[data-testid="keys"] tr[data-key="${created.id}"] td:nth-child(8)`).filter({ hasNotText: '—' }).waitFor();
      assert.equal(typeof (await listed()).find((k) => k.id === created.id)!.revokedAt, 'number');
      assert.equal((await api('/v1/documents', secret)).status, 401, 'the revoked key no longer authenticates');
    } finally {
      await page.close();
    }
  });

  it('shows a reader and a writer neither the keys nor the drift page, and the server refuses them those routes', async () => {
    for (const key of [env.s.keys.reader, env.s.keys.writer]) {
      const page = await signIn(env.browser, env.s.url, key);
      try {
        await page.getByRole('link', { name: 'Fine-tuning' }).waitFor();
        const links = await navLinks(page);
        assert.ok(!links.includes('API keys') && !links.includes('Drift'), links.join(', '));
        await go(page, '#/keys');
        assert.match(await page.getByRole('alert').textContent() ?? '', /FORBIDDEN/);
        assert.equal(await page.locator('[data-testid="keys"]').count(), 0);
        await go(page, '#/drift');
        assert.match(await page.getByRole('alert').textContent() ?? '', /FORBIDDEN/);
        for (const [path, body] of [['/v1/keys'], ['/v1/keys', { principal: 'user:mallory', role: 'admin' }], ['/v1/keys/key_000000000000/revoke', {}], ['/v1/monitor/drift/series']] as Array<[string, unknown?]>) {
          assert.equal((await api(path, key, body)).status, 403, path);
        }
      } finally {
        await page.close();
      }
    }
  });

  it('shows a reader who they are (GET /v1/whoami), no admin page in the navigation, and no console error on any page it offers', async () => {
    const me = await (await api('/v1/whoami', env.s.keys.reader)).json();
    assert.deepEqual(me, { tenant: 't1', principal: 'user:rita', groups: [], role: 'reader', via: 'api-key' });
    const page = await env.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors: string[] = [];
    const urls: string[] = [];
    page.on('console', (m: ConsoleMessage) => void (m.type() === 'error' && errors.push(`${m.text()} ${m.location().url}`)));
    page.on('pageerror', (e) => void errors.push(e.message));
    page.on('request', (r) => void urls.push(new URL(r.url()).pathname));
    try {
      await page.goto(`${env.s.url}/`);
      await page.getByLabel('API key').fill(env.s.keys.reader);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Knowledge base' }).waitFor();
      await page.getByTestId('whoami').filter({ hasText: 'user:rita · reader · t1' }).waitFor();
      await page.getByRole('link', { name: 'Fine-tuning' }).waitFor();
      const links = await navLinks(page);
      assert.deepEqual(links, ['Knowledge base', 'Ask', 'Search explain', 'Evaluation', 'Audit log', 'Fine-tuning']);
      for (const [name, ready] of [['Ask', 'ask-title'], ['Search explain', 'search-title'], ['Evaluation', 'evals-title'], ['Audit log', 'audit-title'], ['Fine-tuning', 'tune-title'], ['Knowledge base', 'kb-title']]) {
        await page.getByRole('link', { name: name! }).click();
        await page.locator(`section[aria-labelledby="${ready}"]`).waitFor();
        await page.waitForLoadState('networkidle');
      }
      assert.deepEqual(urls.filter((u) => u.startsWith('/v1/keys') || u.startsWith('/v1/monitor')), [], 'no admin route is probed');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
    const admin = await signIn(env.browser, env.s.url, env.s.keys.admin);
    try {
      await admin.getByRole('link', { name: 'API keys' }).waitFor();
      assert.ok((await navLinks(admin)).includes('Drift'));
    } finally {
      await admin.close();
    }
  });
}
