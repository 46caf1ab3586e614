/**
 * The dashboard end to end: a real server on loopback (SQLite, chunker, embedder, extractive answers, a scripted
 * generative pipeline) and one headless Chromium for the whole run (the operations pages' tests are registered
 * in this suite: dashboard-operations.chromium.ts). Covers the acceptance list of issue 17.
 * FATHOM_DASHBOARD_SCREENSHOTS=1 writes each page's screenshot to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import type { Answer } from '../spec/answer.js';
import type { Chunk } from '../spec/chunk.js';
import type { Hit } from '../spec/hit.js';
import { ensureDashboard } from './build-dashboard.js';
import { CHROMIUM, goHash as go, launchChromium, requestsOf, screenshot as shot, seriousViolations, signIn } from './__fixtures__/browser.js';
import { PROMPTS, REFUNDS_V1, RESTRICTED, serverRoutes, startDashboardServer, type DashboardServer } from './__fixtures__/dashboard-server.js';
import { operationsPages } from './dashboard-operations.chromium.js';


// Page-side globals of the functions handed to page.evaluate (this project type-checks without the DOM lib).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const window: any, document: any, sessionStorage: any, DataTransfer: any, DragEvent: any;

const BIG = 1050;
const EVAL_ROUTES = serverRoutes.some((r) => r.path === '/v1/eval/runs');

describe('dashboard in headless Chromium', { skip: CHROMIUM ? false : 'chromium is not installed (apt-get install -y chromium)', timeout: 300_000 }, () => {
  let s: DashboardServer;
  let browser: Browser;
  const env = {} as { s: DashboardServer; browser: Browser };
  let writer: Page;
  const api = async <T>(path: string, init: { key?: string; json?: unknown } = {}): Promise<T> => {
    const r = await fetch(`${s.url}${path}`, { method: init.json ? 'POST' : 'GET', headers: { authorization: `Bearer ${init.key ?? s.keys.writer}`, 'content-type': 'application/json' }, body: init.json ? JSON.stringify(init.json) : undefined });
    return (await r.json()) as T;
  };
  const ask = async (page: Page, question: string) => {
    await go(page, '#/ask');
    await page.getByLabel('Question').fill(question);
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await page.locator('.answer[aria-busy="false"]').and(page.locator(`[data-question="${question}"]`)).waitFor();
  };
  const searchColumns = async (page: Page, query: string) => {
    await go(page, '#/search');
    await page.getByLabel('Query').fill(query);
    await page.getByRole('button', { name: 'Search' }).click();
    for (const mode of ['bm25', 'vector', 'hybrid']) await page.locator(`.column[data-mode="${mode}"]`).and(page.locator(`[data-query="${query}"]`)).waitFor();
    return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.column')].map((c: any) => [c.dataset.mode, [...c.querySelectorAll('li[data-document-id]')].map((li: any) => li.dataset.documentId)]))) as Promise<Record<string, string[]>>;
  };
  const listedIds = async (page: Page, filter = '') => {
    await go(page, '#/documents');
    await page.locator('section[aria-labelledby="kb-title"][aria-busy="false"]').waitFor();
    await page.getByLabel('Id or title contains').fill(filter);
    return page.evaluate(() => [...document.querySelectorAll('.vrow a')].map((a) => a.textContent));
  };

  before(async () => {
    await ensureDashboard();
    [s, browser] = await Promise.all([startDashboardServer({ bigTenant: BIG, operations: true }), launchChromium()]);
    Object.assign(env, { s, browser });
    writer = await signIn(browser, s.url, s.keys.writer);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('serves the app at / with a strict CSP and a 404 for unknown assets', async () => {
    const r = await fetch(`${s.url}/`);
    assert.equal(r.status, 200);
    const csp = r.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self';/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(await r.text(), /<script>|<style>|style=/);
    assert.equal((await fetch(`${s.url}/ui/nope.js`)).status, 404);
  });

  it('refuses a bad key with the server’s message and keeps the key only after it works', async () => {
    const page = await browser.newPage();
    await page.goto(`${s.url}/`);
    await page.getByLabel('API key').fill('fk_not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.match(await page.getByRole('alert').textContent() ?? '', /UNAUTHENTICATED/);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    await shot(page, 'login');
    await page.close();
  });

  it('uploads a Markdown file by drag-and-drop and a PDF by the file input, and the progress finishes', async () => {
    await writer.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['# Onboarding\n\nNew hires get a laptop on day one.\n'], 'onboarding.md', { type: 'text/markdown' }));
      document.querySelector('.dropzone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await writer.locator('.progress[data-status="succeeded"]').waitFor();
    assert.equal(await writer.locator('progress').evaluate((p: any) => p.value), 1);
    assert.match(await writer.locator('.progress').textContent() ?? '', /1 created/);
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText('Travel policy. Economy class is booked for flights under six hours.', { x: 40, y: 700, size: 12, font });
    await writer.getByLabel('Files to ingest').setInputFiles({ name: 'travel.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdf.save()) });
    await writer.waitForFunction(() => document.querySelector('.progress')?.textContent?.includes('1 created') && document.querySelector('.progress')?.getAttribute('data-status') === 'succeeded');
    await writer.waitForFunction(() => [...document.querySelectorAll('.vrow a')].some((a) => a.textContent === 'travel.pdf'));
    assert.deepEqual(await listedIds(writer, '.'), ['kb/merger.md', 'kb/pricing.md', 'kb/refunds.md', 'kb/security.md', 'onboarding.md', 'travel.pdf']);
    await writer.getByLabel('Id or title contains').fill('');
    await shot(writer, 'knowledge-base');
  });

  it('filters the list by collection on the server', async () => {
    const kb = await api<{ documents: Array<{ id: string }> }>(`/v1/documents?filter=${encodeURIComponent(JSON.stringify({ collection: 'kb' }))}`);
    await go(writer, '#/documents');
    await writer.getByLabel('Collection', { exact: true }).fill('kb');
    await writer.getByLabel('Collection', { exact: true }).press('Enter');
    await writer.waitForFunction((n) => document.querySelector('[data-testid="doc-count"]')?.textContent === String(n), kb.documents.length);
    assert.deepEqual(await listedIds(writer, ''), kb.documents.map((d) => d.id));
    assert.ok(kb.documents.length >= 3 && !kb.documents.some((d) => d.id === 'travel.pdf'));
    await writer.getByLabel('Collection', { exact: true }).fill('');
    await writer.getByLabel('Collection', { exact: true }).press('Enter');
  });

  it('opens a document and draws every leaf chunk on its text at the stored offsets', async () => {
    const id = 'kb/refunds.md';
    const shown = await api<{ versions: Array<{ status: string; text?: string }>; chunks: Chunk[] }>(`/v1/documents/${encodeURIComponent(id)}?text=true`);
    const text = shown.versions.find((v) => v.status === 'current')!.text!;
    await writer.getByRole('link', { name: id }).click();
    await writer.locator('.chunk').first().waitFor();
    const drawn = await writer.evaluate(() => [...document.querySelectorAll('.chunk')].map((e) => ({ id: e.dataset.chunkId, start: Number(e.dataset.start), end: Number(e.dataset.end), text: e.textContent })));
    const leaves = shown.chunks.filter((c) => c.role === 'leaf');
    assert.ok(leaves.length >= 2, 'the fixture should cut the document into several chunks');
    assert.deepEqual(drawn, leaves.map((c) => ({ id: c.id, start: c.start, end: c.end, text: text.slice(c.start, c.end) })));
    const heading = await writer.locator('table.chunks tbody tr').nth(leaves.length - 1).locator('td').nth(3).textContent();
    assert.equal(heading, leaves.at(-1)!.headingPath.join(' › '));
    await shot(writer, 'document');
  });

  it('diffs the superseded version of a document against the current one, line by line, from the API’s texts', async () => {
    const id = 'kb/refunds.md';
    const { versions } = await api<{ versions: Array<{ version: number; status: string; text?: string }> }>(`/v1/documents/${encodeURIComponent(id)}?text=all`);
    const old = versions.find((v) => v.status === 'superseded')!;
    const cur = versions.find((v) => v.status === 'current')!;
    assert.equal(old.text, REFUNDS_V1);
    await go(writer, `#/documents/${encodeURIComponent(id)}`);
    const table = writer.getByTestId('version-diff');
    await table.waitFor();
    assert.deepEqual([await table.getAttribute('data-from'), await table.getAttribute('data-to')], [String(old.version), String(cur.version)]);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr: any) => [tr.dataset.op, tr.querySelector('.tx').textContent] as [string, string]));
    const side = (skip: string) => rows.filter(([op]) => op !== skip).map(([, t]) => t).join('\n');
    assert.equal(side('add'), old.text, 'unchanged and removed lines are the superseded text');
    assert.equal(side('del'), cur.text, 'unchanged and added lines are the current text');
    assert.deepEqual(rows.filter(([op]) => op === 'del').map(([, t]) => t), [REFUNDS_V1.split('\n')[2]]);
    assert.ok(rows.some(([op, t]) => op === 'add' && t === '## Exceptions'));
    assert.equal(await writer.getByTestId('diff-counts').textContent(), `1 removed, ${rows.filter(([op]) => op === 'add').length} added`);
    await writer.getByRole('heading', { name: 'Changes between versions' }).scrollIntoViewIfNeeded();
    await shot(writer, 'document-versions');
    assert.deepEqual(await seriousViolations(writer), []);
  });

  it('streams an answer and highlights exactly the cited span; feedback is recorded', async () => {
    const question = 'Within how many days can an Enterprise customer get a full refund?';
    const expected = await api<Answer>('/v1/ask', { json: { question } });
    const c = expected.citations.find((x) => x.valid)!;
    await ask(writer, question);
    assert.equal(await writer.getByTestId('answer-text').textContent(), expected.text);
    const mark = await writer.locator('.cited mark').evaluate((m: any) => ({ start: Number(m.dataset.start), end: Number(m.dataset.end), text: m.textContent }));
    const doc = await api<{ versions: Array<{ status: string; text?: string }> }>(`/v1/documents/${encodeURIComponent(c.documentId!)}?text=true`);
    assert.deepEqual(mark, { start: c.start, end: c.end, text: doc.versions.find((v) => v.status === 'current')!.text!.slice(c.start, c.end) });
    assert.match(mark.text!, /thirty days/);
    await writer.getByRole('button', { name: /Helpful/ }).first().click();
    const status = await writer.getByRole('status').textContent();
    const logId = /recorded on (\S+)\./.exec(status ?? '')![1]!;
    const entry = await api<{ feedback: Array<{ rating: string }> }>(`/v1/audit/${logId}`);
    assert.deepEqual(entry.feedback.map((f) => f.rating), ['up']);
    await shot(writer, 'ask');
  });

  it('shows an abstention with the sufficiency score for an unanswerable question', async () => {
    const question = 'What is the capital of Mongolia?';
    const expected = await api<Answer>('/v1/ask', { json: { question } });
    assert.equal(expected.abstained, true);
    await ask(writer, question);
    assert.match(await writer.getByTestId('abstention').textContent() ?? '', /Abstained/);
    assert.equal(await writer.getByTestId('sufficiency').textContent(), expected.sufficiency.toFixed(3));
  });

  it('asks through the pipeline and collection chosen in the playground, as the API answers that same request', async () => {
    const question = 'Within how many days can an Enterprise customer get a full refund?';
    assert.deepEqual((await api<{ data: Array<{ id: string }> }>('/v1/models')).data.map((m) => m.id), ['fathom-rag', 'strict', 'drafter']);
    await go(writer, '#/search');
    await go(writer, '#/ask');
    await writer.locator('select option', { hasText: 'strict' }).waitFor({ state: 'attached' });
    await writer.getByRole('combobox', { name: /^Pipeline/ }).selectOption('strict');
    await writer.getByLabel('Collection').fill('kb');
    await ask(writer, question);
    const [entry] = (await api<{ entries: Array<{ query: string; metadata?: { pipeline?: string } }> }>('/v1/audit?limit=1')).entries;
    assert.deepEqual([entry!.query, entry!.metadata?.pipeline], [question, 'strict'], 'the server answered with the chosen pipeline');
    const expected = await api<Answer>('/v1/ask', { json: { question, pipeline: 'strict', filter: { collection: 'kb' } } });
    const byDefault = await api<Answer>('/v1/ask', { json: { question } });
    assert.notEqual(expected.abstained, byDefault.abstained, 'the fixture’s strict pipeline answers differently');
    assert.equal(await writer.getByTestId('answer-text').textContent(), expected.text);
    assert.equal(await writer.getByTestId('abstention').count(), expected.abstained ? 1 : 0);
    assert.match(await writer.getByTestId('answer-meta').textContent() ?? '', /^strict, collection kb · /);
    await shot(writer, 'ask-pipeline');
    await writer.getByRole('combobox', { name: /^Pipeline/ }).selectOption('');
    await writer.getByLabel('Collection').fill('');
  });

  it('asks with the prompt variant and the hops chosen in the playground: they reach the request, the answer follows the variant, the trace shows each hop', async () => {
    const question = 'Within how many days can an Enterprise customer get a full refund?';
    const body = { question, pipeline: 'drafter', prompt: 'quote', hops: 2 };
    assert.deepEqual((await api<{ data: Array<{ id: string }> }>('/v1/prompts')).data.map((p) => p.id), PROMPTS.map((p) => p.id));
    await go(writer, '#/search');
    await go(writer, '#/ask');
    await writer.locator('select option', { hasText: 'quote' }).waitFor({ state: 'attached' });
    await writer.getByRole('combobox', { name: /^Pipeline/ }).selectOption('drafter');
    await writer.getByRole('combobox', { name: /^Prompt/ }).selectOption('quote');
    await writer.getByRole('combobox', { name: /^Hops/ }).selectOption('2');
    const sent = writer.waitForRequest((r) => r.url().endsWith('/v1/ask') && r.method() === 'POST');
    await ask(writer, question);
    assert.deepEqual(JSON.parse((await sent).postData() ?? '{}'), { ...body, stream: true }, 'the choices reach the request');
    const [entry] = (await api<{ entries: Array<{ query: string; metadata?: { pipeline?: string; promptVariant?: string } }> }>('/v1/audit?limit=1')).entries;
    assert.deepEqual([entry!.metadata?.pipeline, entry!.metadata?.promptVariant], ['drafter', 'quote'], 'the server answered with the chosen pipeline and variant');
    const expected = await api<Answer>('/v1/ask', { json: body });
    const plain = await api<Answer>('/v1/ask', { json: { question, pipeline: 'drafter' } });
    assert.notEqual(expected.text, plain.text, 'the fixture’s drafter answers differently under the variant');
    assert.equal(await writer.getByTestId('answer-text').textContent(), expected.text);
    assert.equal(expected.trace?.hops?.length, 2);
    const hops = await writer.locator('[data-testid="trace-hops"] tbody tr').evaluateAll((trs) => trs.map((tr: any) => [...tr.children].map((td: any) => td.textContent)));
    assert.deepEqual(hops, expected.trace!.hops!.map((h) => [String(h.hop), h.query ?? 'no second query', String(h.count), h.entities?.length ? h.entities.join(', ') : '—']));
    const stageHops = await writer.locator('.trace tr[data-stage]').evaluateAll((trs) => trs.map((tr: any) => [tr.dataset.stage, tr.dataset.hop ?? null]));
    assert.deepEqual(stageHops, expected.trace!.stages.map((st) => [st.name, st.hop === undefined ? null : String(st.hop)]));
    assert.match(await writer.getByTestId('answer-meta').textContent() ?? '', /^drafter, prompt quote, 2 hops · /);
    await writer.locator('.trace').scrollIntoViewIfNeeded();
    await shot(writer, 'ask-prompt-hops');
    assert.deepEqual(await seriousViolations(writer), []);
    await writer.getByRole('combobox', { name: /^Pipeline/ }).selectOption('');
    await writer.getByRole('combobox', { name: /^Prompt/ }).selectOption('');
    await writer.getByRole('combobox', { name: /^Hops/ }).selectOption('1');
  });

  it('explains one query in BM25, vector and hybrid side by side with the API’s hits and stage scores', async () => {
    const query = 'refund within thirty days';
    const columns = await searchColumns(writer, query);
    for (const mode of ['bm25', 'vector', 'hybrid']) {
      const r = await api<{ hits: Hit[] }>('/v1/search', { json: { query, k: 5, mode, explain: true } });
      assert.deepEqual(columns[mode], r.hits.map((h) => h.document.id), mode);
    }
    const stages = await writer.locator('.column[data-mode="hybrid"] li').first().locator('.stage').evaluateAll((els) => els.map((e: any) => e.dataset.stage));
    assert.ok(stages.includes('bm25') && stages.includes('vector'), stages.join(','));
    await shot(writer, 'search-explain');
  });

  it('deletes a document with its receipt, and it is gone from the list, search and ask', async () => {
    const id = 'kb/security.md';
    const before = await api<{ chunks: Chunk[] }>(`/v1/documents/${encodeURIComponent(id)}`);
    assert.ok((await searchColumns(writer, 'customer data encrypted AES-256')).bm25!.includes(id), 'found before the delete');
    await go(writer, `#/documents/${encodeURIComponent(id)}`);
    await writer.getByRole('button', { name: 'Delete document…' }).click();
    await writer.getByRole('button', { name: 'Yes, delete' }).click();
    const receipt = await writer.getByTestId('receipt').textContent();
    assert.match(receipt ?? '', new RegExp(`Deleted${id.replace('.', '\\.')}`));
    assert.match(receipt ?? '', new RegExp(`Chunks${before.chunks.length}`));
    await shot(writer, 'delete-receipt');
    assert.deepEqual(await listedIds(writer, 'security'), []);
    const columns = await searchColumns(writer, 'customer data encrypted AES-256');
    assert.ok(Object.values(columns).every((ids) => !ids.includes(id)), JSON.stringify(columns));
    await ask(writer, 'How is customer data encrypted at rest?');
    assert.ok(!(await writer.locator('.cited h2 a').allTextContents()).includes(id));
    assert.doesNotMatch(await writer.getByTestId('answer-text').textContent() ?? '', /AES-256/);
  });

  it('never shows a reader key the document its access list restricts, anywhere', async () => {
    assert.ok((await listedIds(writer, 'merger')).includes(RESTRICTED.id), 'the writer named in the list sees it');
    const reader = await signIn(browser, s.url, s.keys.reader);
    try {
      const ids = await listedIds(reader, '.');
      assert.ok(ids.includes('kb/pricing.md') && !ids.includes(RESTRICTED.id), ids.join(','));
      await go(reader, `#/documents/${encodeURIComponent(RESTRICTED.id)}`);
      assert.match(await reader.getByRole('alert').textContent() ?? '', /DOCUMENT_NOT_FOUND/);
      const columns = await searchColumns(reader, 'Globex merger closes');
      assert.ok(Object.values(columns).every((list) => !list.includes(RESTRICTED.id)), JSON.stringify(columns));
      await ask(reader, 'When does the Globex merger close?');
      assert.doesNotMatch(await reader.locator('main').textContent() ?? '', /ninth of March|kb\/merger\.md/);
    } finally {
      await reader.close();
    }
  });

  it('edits a document’s access list in its view: the reader key gains it, then loses it again', async () => {
    const readerSees = async () => (await fetch(`${s.url}/v1/documents/${encodeURIComponent(RESTRICTED.id)}`, { headers: { authorization: `Bearer ${s.keys.reader}` } })).status === 200;
    assert.equal(await readerSees(), false);
    await go(writer, `#/documents/${encodeURIComponent(RESTRICTED.id)}`);
    const principals = writer.getByLabel('Principals (comma-separated)');
    assert.equal(await principals.inputValue(), 'user:wendy');
    await principals.fill('user:wendy, user:rita');
    await writer.getByRole('button', { name: 'Save access' }).click();
    await writer.getByTestId('acl-status').and(writer.locator('.ok')).waitFor();
    assert.equal(await writer.getByTestId('acl').textContent(), 'user:wendy, user:rita');
    assert.equal(await readerSees(), true, 'rita gained it');
    await principals.fill('user:wendy');
    await writer.getByRole('button', { name: 'Save access' }).click();
    await writer.waitForFunction(() => document.querySelector('[data-testid="acl"]')?.textContent === 'user:wendy');
    assert.equal(await readerSees(), false, 'rita lost it');
  });

  it('pages 1,050 documents through the cursor into a virtualised list that keeps the DOM small', async () => {
    const page = await signIn(browser, s.url, s.keys.big);
    try {
      await page.waitForFunction(() => document.querySelector('[data-testid="doc-count"]')?.textContent === '1000');
      await page.locator('.vlist').evaluate((el) => { el.scrollTop = el.scrollHeight; });
      await page.waitForFunction((n) => document.querySelector('[data-testid="doc-count"]')?.textContent === String(n), BIG);
      await page.locator('.vlist').evaluate((el) => { el.scrollTop = el.scrollHeight; });
      await page.waitForFunction(() => [...document.querySelectorAll('.vrow a')].some((a) => a.textContent === 'doc-01049.md'));
      const rows = await page.locator('.vrow').count();
      assert.ok(rows > 10 && rows < 60, `rows in the DOM: ${rows}`);
    } finally {
      await page.close();
    }
  });

  it('shows an evaluation run with every number equal to the API’s JSON, its items by class, the decision chart, and compares two runs', { skip: EVAL_ROUTES ? false : 'this server has no /v1/eval routes yet' }, async () => {
    const items = [
      { id: 'refund', question: 'Within how many days can an Enterprise customer get a full refund?', answers: ['thirty days'], sources: [{ documentId: 'kb/refunds.md' }] },
      { id: 'price', question: 'What does the Enterprise plan cost per seat per month?', answers: ['54 dollars'], sources: [{ documentId: 'kb/pricing.md' }] },
      { id: 'capital', question: 'What is the capital of Mongolia?', answers: [], sources: [], answerable: false },
      { id: 'team', question: 'What does the Team plan cost per seat?', answers: ['99 dollars'], sources: [{ documentId: 'kb/pricing.md' }] },
    ];
    const runEval = async (k: number) => {
      let job = await api<{ id: string; status: string; result?: { runId: string } }>('/v1/eval/runs', { json: { items, modes: ['rag', 'oracle'], k, name: `golden-k${k}.jsonl` } });
      while (job.status === 'queued' || job.status === 'running') {
        await new Promise((r) => setTimeout(r, 100));
        job = await api(`/v1/jobs/${job.id}`);
      }
      assert.equal(job.status, 'succeeded', JSON.stringify(job));
      return job.result!.runId;
    };
    const a = await runEval(1);
    const b = await runEval(5);
    const { run } = await api<{ run: { summary: Record<string, Record<string, number>>; modes: string[] } }>(`/v1/eval/runs/${a}`);
    const diagnosis = await api<{ classes: Record<string, { count: number; share: number; ci95: [number, number] }>; items: Array<{ itemId: string; classes: string[] }> }>(`/v1/eval/runs/${a}/diagnosis`);
    const decision = await api<{ recommendation: string }>(`/v1/eval/runs/${a}/decision`, { json: {} });

    await go(writer, '#/evals');
    await writer.getByRole('link', { name: a }).waitFor();
    await writer.getByRole('link', { name: b }).waitFor();
    await writer.getByRole('link', { name: a }).click();
    await writer.getByTestId('decision').waitFor();
    await shot(writer, 'eval-run');
    const cells = await writer.locator('[data-testid="run-metrics"] td').evaluateAll((tds) => tds.map((td: any) => [td.dataset.mode, td.dataset.metric, td.textContent]));
    const expected = run.modes.flatMap((m) => Object.keys(run.summary[m] ?? {}).map((k) => [m, k, run.summary[m]![k]!.toFixed(3)]));
    assert.deepEqual(cells.filter((c) => c[2] !== '—').sort(), expected.sort());
    const classes = await writer.locator('[data-testid="run-classes"] tbody tr').evaluateAll((trs) => trs.map((tr: any) => [tr.dataset.class, ...[...tr.querySelectorAll('td')].slice(0, 3).map((td: any) => td.textContent)]));
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    assert.deepEqual(classes, Object.entries(diagnosis.classes).filter(([, c]) => c.count > 0).map(([n, c]) => [n, String(c.count), pct(c.share), `${pct(c.ci95[0])}–${pct(c.ci95[1])}`]));
    assert.equal(await writer.getByTestId('decision').textContent(), decision.recommendation);
    assert.equal(await writer.locator('.chart canvas').count() > 0, true, 'the cost chart is drawn');
    await writer.getByRole('heading', { name: 'Decision' }).scrollIntoViewIfNeeded();
    await shot(writer, 'eval-decision');
    const [cls] = Object.entries(diagnosis.classes).find(([n, c]) => c.count > 0 && n !== 'passing')!;
    await writer.getByLabel('Class').selectOption(cls);
    const rowsOfClass = await writer.locator('[data-testid="run-items"] tbody tr[data-item]').evaluateAll((trs) => trs.map((tr: any) => tr.dataset.item));
    assert.deepEqual(rowsOfClass, diagnosis.items.filter((i) => i.classes.includes(cls)).map((i) => i.itemId));
    assert.ok(rowsOfClass.length < items.length);
    await writer.locator('[data-testid="run-items"] tbody tr[data-item] button').first().click();
    assert.deepEqual(await writer.locator('[data-testid="run-items"] .column').evaluateAll((cs) => cs.map((c: any) => c.dataset.mode)), run.modes);
    assert.deepEqual(await seriousViolations(writer), []);

    const comparison = await api<{ deltas: Array<{ mode: string; metric: string; delta: number; ci95: [number, number] }> }>('/v1/eval/compare', { json: { a, b } });
    await go(writer, `#/evals/compare/${encodeURIComponent(a)}/${encodeURIComponent(b)}`);
    await writer.getByTestId('compare-deltas').waitFor();
    const rows = await writer.locator('[data-testid="compare-deltas"] tbody tr').evaluateAll((trs) => trs.map((tr: any) => [tr.dataset.mode, tr.dataset.metric, tr.children[4].textContent, tr.children[5].textContent]));
    const f = (x: number) => x.toFixed(3);
    assert.deepEqual(rows, comparison.deltas.map((d) => [d.mode, d.metric, f(d.delta), `[${f(d.ci95[0])}, ${f(d.ci95[1])}]`]));
    await shot(writer, 'eval-compare');
    assert.deepEqual(await seriousViolations(writer), []);
  });

  it('has no serious or critical axe-core violations on any page; the audit log filters like the API', async () => {
    const found: Record<string, unknown> = {};
    const check = async (name: string, page: Page) => {
      const v = await seriousViolations(page);
      if (v.length) found[name] = v;
    };
    const login = await browser.newPage();
    await login.goto(`${s.url}/`);
    await check('login', login);
    await login.close();
    await go(writer, '#/documents');
    await writer.locator('.vrow').first().waitFor();
    await check('documents', writer);
    await go(writer, `#/documents/${encodeURIComponent('kb/refunds.md')}`);
    await writer.locator('.chunk').first().waitFor();
    await check('document', writer);
    await ask(writer, 'What does the Enterprise plan cost per seat?');
    await writer.locator('.cited mark').waitFor();
    await check('ask', writer);
    await searchColumns(writer, 'enterprise plan');
    await check('search', writer);
    if (EVAL_ROUTES) {
      await go(writer, '#/evals');
      await writer.locator('section[aria-labelledby="evals-title"] a').first().waitFor();
      await check('evals', writer);
    }
    await go(writer, '#/audit');
    await writer.locator('table.grid tbody tr').first().waitFor();
    await shot(writer, 'audit-log');
    await check('audit', writer);
    await writer.getByLabel('Query contains').fill('mongolia');
    const own = (await api<{ entries: Array<{ query: string }> }>('/v1/audit?limit=500')).entries.filter((e) => e.query.toLowerCase().includes('mongolia'));
    assert.ok(own.length >= 2);
    assert.deepEqual(await writer.locator('table.grid tbody tr td:nth-child(3)').allTextContents(), own.map((e) => e.query));
    await writer.getByLabel('Query contains').fill('');
    await writer.locator('table.grid tbody a').first().click();
    await writer.locator('dl.facts').waitFor();
    await check('audit-entry', writer);
    assert.deepEqual(found, {});
  });

  it('loaded nothing from another origin and broke no CSP rule', async () => {
    const origin = new URL(s.url).origin;
    assert.deepEqual((requestsOf.get(writer) ?? []).filter((u) => new URL(u).origin !== origin), []);
    assert.deepEqual(await writer.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), []);
  });

  describe('operations pages', () => operationsPages(env));
});
