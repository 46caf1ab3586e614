// The `ocr` request field (and the server's ingest.ocr default) reach the PDF loader of ingest jobs.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PDFDocument, rgb } from 'pdf-lib';
import { startTestServer, type TestServer } from '../__fixtures__/test-server.js';

/** A one-page PDF that paints a shape and holds no text: a page without a text layer, as a scan is. */
async function paintedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([100, 100]).drawRectangle({ x: 20, y: 20, width: 60, height: 30, color: rgb(0.2, 0.2, 0.2) });
  return pdf.save();
}

type _Job = { id: string; status: string; result?: { skipped: Array<{ path: string; reason: string }> } };

async function finished(t: TestServer, r: Response, key: string): Promise<_Job> {
  assert.equal(r.status, 202, await r.clone().text());
  let job = (await r.json()) as _Job;
  for (let i = 0; i < 2400 && (job.status === 'queued' || job.status === 'running'); i++) {
    await new Promise((res) => setTimeout(res, 25));
    job = (await (await t.req(`/v1/jobs/${job.id}`, { key })).json()) as _Job;
  }
  assert.equal(job.status, 'succeeded', JSON.stringify(job));
  return job;
}

const upload = async (bytes: Uint8Array, ocr?: string): Promise<FormData> => {
  const form = new FormData();
  form.append('files', new Blob([bytes]), 'scan.pdf');
  if (ocr !== undefined) form.append('ocr', ocr);
  return form;
};

describe('ingest jobs: ocr (request field over the server default)', () => {
  let t: TestServer;
  let pdf: Uint8Array;
  before(async () => {
    t = await startTestServer({ ingest: { ocr: 'off' } });
    pdf = await paintedPdf();
  });
  after(() => t.close());

  it('the server default ocr: off skips a page without a text layer and says so', async () => {
    const job = await finished(t, await t.req('/v1/ingest', { key: t.keys.writer, method: 'POST', body: await upload(pdf) }), t.keys.writer);
    assert.equal(job.result!.skipped.length, 1);
    assert.match(job.result!.skipped[0]!.reason, /page 1 no usable text layer .*OCR is off/);
  });

  it('an upload with ocr=auto overrides it (OCR is tried, or the packages to install are named)', { timeout: 120_000 }, async () => {
    const job = await finished(t, await t.req('/v1/ingest', { key: t.keys.writer, method: 'POST', body: await upload(pdf, 'auto') }), t.keys.writer);
    assert.equal(job.result!.skipped.length, 1);
    assert.doesNotMatch(job.result!.skipped[0]!.reason, /OCR is off/);
    assert.match(job.result!.skipped[0]!.reason, /OCR found no text|install OCR/);
  });

  it('ocr on server-side paths (admin); an invalid value is a 400 on both routes', async () => {
    const lenient = await startTestServer();
    try {
      writeFileSync(join(lenient.dir, 'scan.pdf'), pdf);
      const job = await finished(lenient, await lenient.req('/v1/ingest/paths', { key: lenient.keys.admin, json: { paths: [join(lenient.dir, 'scan.pdf')], ocr: 'off' } }), lenient.keys.admin);
      assert.match(job.result!.skipped[0]!.reason, /OCR is off/);
      const bad = await lenient.req('/v1/ingest/paths', { key: lenient.keys.admin, json: { paths: [join(lenient.dir, 'scan.pdf')], ocr: 'maybe' } });
      assert.equal(bad.status, 400);
    } finally {
      await lenient.close();
    }
    const bad = await t.req('/v1/ingest', { key: t.keys.writer, method: 'POST', body: await upload(pdf, 'sometimes') });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: { message: string } }).error.message, /"ocr" field must be auto or off/);
  });
});
