import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../__fixtures__/run-cli.js';

const para = '<p>The merge command joins two or more development histories together into one history line.</p>';
// A <main> whose visible text is mostly a navigation list inside it: the kept share falls under 60%.
const chromeHeavy = `<html><body><main><h1>Merge</h1>${para}<nav>${Array.from({ length: 60 }, (_, i) => `<a href="/p${i}">Navigation entry number ${i}</a>`).join(' ')}</nav></main></body></html>`;
const manPage = `<html><body class="manpage"><div id="header"><h1>git-merge(1)</h1></div><div id="content"><div class="sect1"><h2>EXAMPLES</h2><div class="sectionbody">${para}<pre><code class="language-sh"># merge two branches
git merge fixes enhancements</code></pre></div></div></div></body></html>`;

test('fathom inspect shows Markdown, chunks with heading paths and token counts, and warnings, without ingesting', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fathom-inspect-'));
  try {
    writeFileSync(join(dir, 'git-merge.html'), manPage);
    writeFileSync(join(dir, 'heavy.html'), chromeHeavy);
    const r = await runCliCaptured({ cwd: dir, args: ['inspect', 'git-merge.html', '--json'] });
    assert.equal(r.code, 0, r.err);
    const doc = r.json().documents[0];
    assert.match(doc.text, /```sh\n# merge two branches\ngit merge fixes enhancements\n```/);
    assert.deepEqual(doc.chunks[0].headingPath, ['git-merge(1)', 'EXAMPLES']);
    assert.ok(doc.chunks[0].tokenCount > 0);
    assert.deepEqual(doc.warnings, []);
    assert.ok(!readdirSync(dir).some((f) => f.startsWith('.fathom')) && !existsSync(join(dir, '.fathom')), 'inspect must not create a store');
    const heavy = await runCliCaptured({ cwd: dir, args: ['inspect', 'heavy.html'] });
    assert.equal(heavy.code, 0, heavy.err);
    assert.match(heavy.out, /warnings:\n {2}- kept \d+% of the visible text of the content region \(main\)/);
    const missing = await runCliCaptured({ cwd: dir, args: ['inspect', 'nope.html'] });
    assert.notEqual(missing.code, 0);
    assert.match(missing.err, /FILE_UNREADABLE/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fathom ingest records extraction warnings in the manifest and prints a one-line summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fathom-inspect-'));
  try {
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'site', 'heavy.html'), chromeHeavy);
    writeFileSync(join(dir, 'site', 'git-merge.html'), manPage);
    const r = await runCliCaptured({ cwd: dir, args: ['ingest', 'site'] });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /1 extraction warning in 1 document \(e\.g\. site\/heavy\.html: kept \d+% /);
    const json = (await runCliCaptured({ cwd: dir, args: ['ingest', 'site', '--json'] })).json();
    assert.ok(json.warnings.some((w: { type: string; message: string }) => w.type === 'extraction' && w.message.startsWith('site/heavy.html')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fathom inspect --ocr auto|off (default: config ingest.ocr): a page without a text layer is skipped with the reason; a bad value is refused', { timeout: 120_000 }, async () => {
  const { PDFDocument, rgb } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.addPage([100, 100]).drawRectangle({ x: 20, y: 20, width: 60, height: 30, color: rgb(0.2, 0.2, 0.2) });
  const dir = mkdtempSync(join(tmpdir(), 'fathom-inspect-'));
  try {
    writeFileSync(join(dir, 'scan.pdf'), await pdf.save());
    const off = await runCliCaptured({ cwd: dir, args: ['inspect', 'scan.pdf', '--ocr', 'off'] });
    assert.equal(off.code, 1, 'nothing extracted: not a success');
    assert.match(off.out, /skipped scan\.pdf: .*page 1 no usable text layer .*OCR is off \(ocr: auto turns it on\)/);
    writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ ingest: { ocr: 'off' } }));
    const fromConfig = await runCliCaptured({ cwd: dir, args: ['inspect', 'scan.pdf', '--json'] });
    assert.match(fromConfig.json().skipped[0].reason, /OCR is off/);
    const auto = await runCliCaptured({ cwd: dir, args: ['inspect', 'scan.pdf', '--ocr', 'auto', '--json'] });
    assert.doesNotMatch(auto.json().skipped[0].reason, /OCR is off/, 'the flag wins over the config');
    assert.match(auto.json().skipped[0].reason, /OCR found no text|install OCR/);
    const bad = await runCliCaptured({ cwd: dir, args: ['inspect', 'scan.pdf', '--ocr', 'maybe'] });
    assert.notEqual(bad.code, 0);
    assert.match(bad.err, /INVALID_ARGUMENT.*--ocr "maybe"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
