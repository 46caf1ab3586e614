import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { LoadEvent } from '../spec/loader.js';
import { FathomError } from '../util/errors.js';
import { loadSources, type LoadSourcesOptions } from './load-sources.js';

async function collect(options: LoadSourcesOptions): Promise<LoadEvent[]> {
  const out: LoadEvent[] = [];
  for await (const e of loadSources(options)) out.push(e);
  return out;
}
const docs = (events: LoadEvent[]) => events.flatMap((e) => (e.type === 'document' ? [e.document] : []));
const skips = (events: LoadEvent[]) => events.flatMap((e) => (e.type === 'skip' ? [e.skip] : []));

async function tempTree(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'fathom-load-'));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, rel)), { recursive: true });
    await writeFile(join(root, rel), content);
  }
  return root;
}

async function smallPdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([300, 200]).drawText(text, { x: 20, y: 150, size: 12, font });
  return pdf.save();
}

test('every bad file becomes one skip with a catalogue code and the run continues', async (t) => {
  const pdf = await smallPdf('A good PDF.');
  const root = await tempTree({
    'kb/good.md': '# Good\n\nFine.',
    'kb/corrupt.pdf': pdf.slice(0, 300),
    'kb/broken.docx': 'PK\u0003\u0004 not a zip',
    'kb/empty.txt': '',
    'kb/blank.md': '\n   \n\t\n',
    'kb/image.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    'kb/huge.txt': 'x'.repeat(pdf.length + 1024),
    'kb/records.jsonl': '{"id":"r1","text":"one"}\nnot json\n{"id":"r2","text":"two"}\n',
    'kb/photo.png': 'ignored silently: unknown extension inside a folder',
    'kb/good.pdf': pdf,
    'notes.xyz': 'named explicitly',
  });
  t.after(() => rm(root, { recursive: true, force: true }));
  await symlink(join(root, 'kb/gone.md'), join(root, 'kb/dangling.md'));
  const events = await collect({ paths: ['kb', 'notes.xyz'], cwd: root, maxFileBytes: pdf.length + 10 });
  assert.deepEqual(docs(events).map((d) => d.id).sort(), ['kb/good.md', 'kb/good.pdf', 'r1', 'r2']);
  assert.deepEqual(
    skips(events).map((s) => [s.path, s.code]),
    [
      ['kb/blank.md', 'FILE_EMPTY'],
      ['kb/broken.docx', 'FILE_MALFORMED'],
      ['kb/corrupt.pdf', 'FILE_MALFORMED'],
      ['kb/dangling.md', 'FILE_UNREADABLE'],
      ['kb/empty.txt', 'FILE_EMPTY'],
      ['kb/huge.txt', 'FILE_TOO_LARGE'],
      ['kb/image.md', 'BINARY_CONTENT'],
      ['kb/records.jsonl#2', 'INVALID_RECORD'],
      ['notes.xyz', 'UNSUPPORTED_FORMAT'],
    ],
  );
  for (const s of skips(events)) if (!s.path.includes('#')) assert.ok(s.reason.includes(s.path), `reason names the file: ${s.reason}`);
  assert.match(skips(events).find((s) => s.code === 'FILE_TOO_LARGE')!.reason, /is 1\.\d KiB, over the \d+ bytes limit: split it, or raise ingest\.maxFileBytes in fathom\.config\.json/);
});

test('include/exclude pass through; an explicitly missing path throws PATH_NOT_FOUND', async (t) => {
  const root = await tempTree({ 'a.md': '# A\n\nx', 'b.txt': 'b', 'sub/c.md': 'c' });
  t.after(() => rm(root, { recursive: true, force: true }));
  assert.deepEqual(docs(await collect({ paths: ['.'], cwd: root, include: ['*.md'], exclude: ['sub/**'] })).map((d) => d.id), ['a.md']);
  await assert.rejects(collect({ paths: ['missing'], cwd: root }), (e: unknown) => FathomError.isInstance(e) && e.code === 'PATH_NOT_FOUND');
});

test('an aborted signal stops with INTERRUPTED rather than a silent early end', async (t) => {
  const root = await tempTree({ 'a.md': 'a', 'b.md': 'b' });
  t.after(() => rm(root, { recursive: true, force: true }));
  const controller = new AbortController();
  const seen: string[] = [];
  await assert.rejects(
    (async () => {
      for await (const e of loadSources({ paths: ['.'], cwd: root, signal: controller.signal })) {
        if (e.type === 'document') seen.push(e.document.id);
        controller.abort();
      }
    })(),
    (e: unknown) => FathomError.isInstance(e) && e.code === 'INTERRUPTED',
  );
  assert.deepEqual(seen, ['a.md']);
});

const sampleKb = fileURLToPath(new URL('../../examples/sample-kb', import.meta.url));

test('the sample knowledge base loads completely, with no skips', async (t) => {
  const files = await readdir(sampleKb).catch(() => undefined);
  if (!files) return t.skip(`examples/sample-kb not found at ${sampleKb}`);
  const events = await collect({ paths: [sampleKb], cwd: dirname(sampleKb) });
  assert.deepEqual(skips(events), []);
  assert.equal(docs(events).length, files.length);
  const formats = new Set(docs(events).map((d) => d.format));
  for (const f of ['markdown', 'html', 'pdf', 'docx']) assert.ok(formats.has(f as never), `sample-kb has a ${f} document`);
  const pdf = docs(events).find((d) => d.format === 'pdf');
  assert.ok((pdf?.pages?.length ?? 0) >= 2, 'the whitepaper spans several pages');
  const old = docs(events).find((d) => d.id === 'sample-kb/pricing.md');
  const [current] = docs(await collect({ paths: ['sample-kb-update/pricing.md'], cwd: dirname(sampleKb) }));
  assert.match(old?.text ?? '', /\$49 per seat per month/);
  assert.match(current?.text ?? '', /\$54 per seat per month/);
});
