import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hostileDocx } from './hostile-docx.js';
import { hostilePdfPageTree } from './hostile-pdf.js';
import { writeRepeated } from './write-repeated.js';

/** What ingesting a hostile file must give: a skip with this code (and limit), or a clean document (`check` gets its chunks' text). */
export type HostileOutcome = { skip: string; limit?: string } | { document: true; check?: (text: string) => string | undefined };

/** One generated hostile input: a file (or link) under a folder, and the outcome ingest must give. */
export interface HostileFile {
  /** Path written under the folder; also the document id / skip path to look for. */
  name: string;
  /** The stored document's id when it is not `name` (records). */
  id?: string;
  /** What makes it hostile. */
  attack: string;
  /** Writes it under `dir` at `scale` ('test': small, for the suite's small limits; 'full': the sizes that broke fathom, for default limits). */
  write(dir: string, scale: HostileScale): Promise<void>;
  expect: HostileOutcome;
}

export type HostileScale = 'test' | 'full';

const _pick = (scale: HostileScale, test: number, full: number) => (scale === 'test' ? test : full);
const _put = (dir: string, name: string, data: string | Uint8Array) => writeFile(join(dir, name), data);
const _controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Limits for the 'test' scale: small, so every bomb trips in milliseconds (the 'full' scale uses defaults).
 * The wall-time budget is tested on its own (a shared short budget would make ordinary files flaky).
 */
export const HOSTILE_TEST_LIMITS = {
  decompressedBytes: 1024 * 1024,
  extractedChars: 2_000_000,
  elements: 20_000,
  depth: 256,
  pages: 1_000,
  recordChars: 64 * 1024,
  chunksPerDocument: 2_000,
};

/** The catalogue: every loader's bombs, giant lines, encodings, control characters and links. */
export function hostileFiles(): HostileFile[] {
  return [
    {
      name: 'page-tree.pdf',
      attack: 'PDF page tree listing one page 100,000 times (600 KB; aborted the process out of memory)',
      write: (dir) => _put(dir, 'page-tree.pdf', hostilePdfPageTree({ references: 100_000 })),
      expect: { skip: 'LIMIT_EXCEEDED', limit: 'ingest.limits.pages' },
    },
    {
      name: 'nested.html',
      attack: 'HTML nested 5,000 levels deep (Readability took > 200 s)',
      write: (dir) => _put(dir, 'nested.html', `<html><body>${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}</body></html>`),
      expect: { skip: 'LIMIT_EXCEEDED', limit: 'ingest.limits.depth' },
    },
    {
      name: 'wide.html',
      attack: 'HTML with more elements than the limit',
      write: (dir, scale) => writeRepeated(join(dir, 'wide.html'), { head: '<html><body>', unit: '<p>w <b>x</b></p>', tail: '</body></html>', bytes: _pick(scale, 400_000, 4_000_000) }),
      expect: { skip: 'LIMIT_EXCEEDED', limit: 'ingest.limits.elements' },
    },
    {
      name: 'dna.txt',
      attack: 'a run with no whitespace (BPE merge on one giant pre-token: 800 KB took > 240 s)',
      write: (dir, scale) => writeRepeated(join(dir, 'dna.txt'), { unit: 'ACGT', bytes: _pick(scale, 100_000, 800_000) }),
      expect: { document: true },
    },
    {
      name: 'spaces.md',
      attack: 'a 100 KB run of spaces in mid-line (quadratic trailing-whitespace regex and heading regex)',
      write: (dir) => _put(dir, 'spaces.md', `#${' '.repeat(100_000)}x${' '.repeat(100_000)}## y\n`),
      expect: { document: true },
    },
    {
      name: 'one-line.jsonl',
      attack: 'a JSONL file that is one giant line (20 MB took 19 s, 200 MB > 300 s), then a good line',
      write: (dir, scale) => writeRepeated(join(dir, 'one-line.jsonl'), { head: '{"id":"big","text":"', unit: 'lorem ipsum ', tail: '"}\n{"id":"after","text":"the line after the giant one"}\n', bytes: _pick(scale, 1_000_000, 200_000_000) }),
      expect: { skip: 'LIMIT_EXCEEDED', limit: 'ingest.limits.recordChars' },
    },
    {
      name: 'big-record.csv',
      attack: 'one CSV record of 200 MB (became one document of 75,972 chunks at 4.6 GB)',
      write: (dir, scale) => writeRepeated(join(dir, 'big-record.csv'), { head: 'id,text\nfirst,the row before\nbig,"', unit: 'lorem ipsum ', tail: '"\n', bytes: _pick(scale, 1_000_000, 200_000_000) }),
      expect: { skip: 'LIMIT_EXCEEDED', limit: 'ingest.limits.recordChars' },
    },
    {
      name: 'bomb.docx',
      attack: 'a DOCX whose XML decompresses ~250:1 (320 KB → 84 MB took 117 s and 4.2 GB)',
      write: (dir, scale) => _put(dir, 'bomb.docx', hostileDocx({ xmlBytes: _pick(scale, 4 * 1024 * 1024, 84 * 1024 * 1024) })),
      expect: { skip: 'LIMIT_EXCEEDED', limit: 'ingest.limits.decompressedBytes' },
    },
    {
      name: 'lying.docx',
      attack: 'a DOCX whose zip headers declare 1,000 bytes for a multi-MB part',
      write: (dir, scale) => _put(dir, 'lying.docx', hostileDocx({ xmlBytes: _pick(scale, 4 * 1024 * 1024, 84 * 1024 * 1024), lie: true })),
      expect: { skip: 'LIMIT_EXCEEDED', limit: 'ingest.limits.decompressedBytes' },
    },
    {
      name: 'huge.txt',
      attack: 'more extracted text than the limit',
      write: (dir, scale) => writeRepeated(join(dir, 'huge.txt'), { unit: 'word ', bytes: _pick(scale, 2_500_000, 25_000_000) }),
      expect: { skip: 'LIMIT_EXCEEDED', limit: 'ingest.limits.extractedChars' },
    },
    {
      name: 'utf16-binary.txt',
      attack: 'binary data starting with FF FE (was decoded as UTF-16, skipping the binary check)',
      write: (dir) => _put(dir, 'utf16-binary.txt', new Uint8Array([0xff, 0xfe, ...Array.from({ length: 4001 }, (_, i) => (i * 7919) % 256)])),
      expect: { skip: 'BINARY_CONTENT' },
    },
    {
      name: 'utf16-text.md',
      attack: 'real UTF-16LE text with a BOM',
      write: (dir) => _put(dir, 'utf16-text.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Sixteen\n\nWide text survives.', 'utf16le')])),
      expect: { document: true, check: (t) => (t.includes('Wide text survives.') ? undefined : 'UTF-16 text lost') },
    },
    {
      name: 'bom.md',
      attack: 'a UTF-8 byte-order mark',
      write: (dir) => _put(dir, 'bom.md', '\uFEFF# Marked\n\nBody text.'),
      expect: { document: true, check: (t) => (t.startsWith('# Marked') ? undefined : 'BOM kept') },
    },
    {
      name: 'invalid-utf8.txt',
      attack: 'invalid UTF-8',
      write: (dir) => _put(dir, 'invalid-utf8.txt', new Uint8Array([0x68, 0x69, 0x20, 0xc3, 0x28, 0xff, 0x0a])),
      expect: { skip: 'BINARY_CONTENT' },
    },
    {
      name: 'surrogates.jsonl',
      id: 's1',
      attack: 'lone surrogates in JSON escapes (stored as invalid UTF-8)',
      write: (dir) => _put(dir, 'surrogates.jsonl', '{"id":"s1","text":"before \\ud800 middle \\udfff after"}\n'),
      expect: { document: true, check: (t) => (/[\ud800-\udfff]/.test(t) ? 'lone surrogate stored' : undefined) },
    },
    {
      name: 'controls.md',
      attack: 'ANSI/OSC escape sequences and C0/C1 control characters in the text',
      write: (dir) => _put(dir, 'controls.md', '# Controls\n\nred \x1b[31mALERT\x1b[0m \x1b]0;title\x07 bell\x07 soh\x01 c1\x85 end'),
      expect: { document: true, check: (t) => (_controls.test(t) ? `control characters stored: ${JSON.stringify(t)}` : undefined) },
    },
    {
      name: 'ansi-\x1b[31mred.md',
      attack: 'a file name with an ANSI escape (became a document id printed raw)',
      write: (dir) => _put(dir, 'ansi-\x1b[31mred.md', '# Named\n\ntext'),
      expect: { skip: 'UNSAFE_PATH' },
    },
    {
      name: 'new\nline.md',
      attack: 'a file name with a newline',
      write: (dir) => _put(dir, 'new\nline.md', '# Named\n\ntext'),
      expect: { skip: 'UNSAFE_PATH' },
    },
    {
      name: 'loop',
      attack: 'a symbolic link to its own folder (loop)',
      write: (dir) => symlink('.', join(dir, 'loop')),
      expect: { skip: 'SYMLINK_SKIPPED' },
    },
    {
      name: 'up',
      attack: 'a symbolic link to the parent folder (`up -> ..` ingested the parent)',
      write: async (dir) => {
        await writeFile(join(dir, '..', 'outside-secret.md'), '# Secret\n\nnot in the ingested folder');
        await symlink('..', join(dir, 'up'));
      },
      expect: { skip: 'SYMLINK_SKIPPED' },
    },
  ];
}

/** Ordinary files written next to the hostile ones: each must be stored whatever the others do. */
export async function writeOrdinaryFiles(dir: string): Promise<string[]> {
  await mkdir(join(dir, 'good'), { recursive: true });
  await _put(dir, 'good/a.md', '# Alpha\n\nAn ordinary note about refunds.');
  await _put(dir, 'good/b.txt', 'Plain text about invoices.');
  await _put(dir, 'good/c.html', '<html><head><title>Gamma</title></head><body><article><h1>Gamma</h1><p>An ordinary page about pricing plans and seats.</p></article></body></html>');
  await _put(dir, 'zz-last.md', '# Last\n\nWritten after every hostile file.');
  return ['good/a.md', 'good/b.txt', 'good/c.html', 'zz-last.md'];
}
