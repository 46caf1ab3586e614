import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';

const dir = mkdtempSync(join(tmpdir(), 'fathom-bundle-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const loader = pathToFileURL(join(import.meta.dirname, 'run-bundle.ts')).href;

/** A bundle of the shape scripts/build-bundle.mjs writes: CommonJS, exports runProcess, imports through __fathomImport, tagged with its id. */
function writeBundle(name: string, id: string | undefined, body = ''): string {
  const file = join(dir, `${name}.cjs`);
  const code = [
    'const { join } = require("node:path");',
    body,
    'exports.runProcess = async (argv) => { const { basename } = await __fathomImport("node:path"); process.stdout.write(JSON.stringify({ argv, base: basename(join("a", "b.txt")) }) + "\\n"); };',
  ].join('\n');
  writeFileSync(file, id ? `${code}\n// fathom-bundle-id: ${id}\n` : code);
  return file;
}

/** Run the bundle in a fresh process (as bin/fathom.js does): V8 accepts a code cache across processes, not in one. */
function run(file: string, argv: string[] = ['search', 'x']): { result: Record<string, unknown>; lines: string[] } {
  const script = `const { runBundle } = await import(${JSON.stringify(loader)}); const r = await runBundle({ file: ${JSON.stringify(file)}, argvs: [${JSON.stringify(argv)}] }); process.stdout.write(JSON.stringify(r) + '\\n');`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: import.meta.dirname, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  return { result: JSON.parse(lines.at(-1)!) as Record<string, unknown>, lines: lines.slice(0, -1) };
}

const caches = (name: string) => readdirSync(dir).filter((f) => f.startsWith(`${name}.cjs.`) && f.endsWith('.cache'));

describe('runBundle: the bundled CLI with its V8 code cache', { timeout: 120_000 }, () => {
  it('runs the command, writes the cache when missing, and uses it on the next run', () => {
    const file = writeBundle('a', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    const first = run(file);
    assert.deepEqual(first.lines.map((l) => JSON.parse(l)), [{ argv: ['search', 'x'], base: 'b.txt' }], 'the command ran, its dynamic import resolved');
    assert.deepEqual(first.result, { loaded: true, cache: 'missing', wrote: true });
    assert.deepEqual(caches('a'), ['a.cjs.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.cache']);
    assert.deepEqual(run(file).result, { loaded: true, cache: 'accepted', wrote: false });
  });

  it('never uses the cache of another build of the bundle, even of the same length', () => {
    const file = writeBundle('b', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'const answer = 1;');
    run(file);
    // Same length, other code and id: V8 alone would accept the old cache (it compares source lengths).
    writeBundle('b', 'cccccccccccccccccccccccccccccccc', 'const answer = 2;');
    assert.deepEqual(run(file).result, { loaded: true, cache: 'missing', wrote: true });
  });

  it('a damaged cache is rejected, the command still runs, and the cache is rewritten', () => {
    const file = writeBundle('c', 'dddddddddddddddddddddddddddddddd');
    writeFileSync(`${file}.dddddddddddddddddddddddddddddddd.cache`, Buffer.from('not a V8 code cache'));
    const r = run(file);
    assert.equal(r.lines.length, 1, 'the command ran');
    assert.deepEqual(r.result, { loaded: true, cache: 'rejected', wrote: true });
    assert.equal(run(file).result.cache, 'accepted');
  });

  it('an untagged bundle runs without a cache; a file that is not a bundle runs nothing and says why', () => {
    const untagged = writeBundle('d', undefined);
    assert.deepEqual(run(untagged).result, { loaded: true, cache: 'untagged', wrote: false });
    assert.deepEqual(caches('d'), []);
    const broken = join(dir, 'e.cjs');
    writeFileSync(broken, 'exports.somethingElse = 1;\n');
    const r = run(broken);
    assert.deepEqual(r.lines, []);
    assert.equal(r.result.loaded, false);
    assert.match(String(r.result.reason), /does not export runProcess/);
    assert.ok(!existsSync(`${broken}.cache`));
  });
});
