// Build step (after tsc and the schema precompile): bundle the CLI (dist/cli/run-process.js) with esbuild into one
// CommonJS file, dist/cli/bundle/fathom.cjs, and train its V8 code cache; bin/fathom.js runs it through
// dist/cli/run-bundle.js (src/cli/run-bundle.ts says why: Node 20 has no compile cache for ES modules).
// - Lazily imported commands stay lazy: esbuild turns `import('./commands/x.js')` into a deferred initialiser.
// - Dependencies stay external (required from node_modules) except the ES-module-only ones statically imported,
//   bundled so that no `require()` of an ES module is needed (Node < 20.19): see `bundled`.
// - `createRequire(import.meta.url)('<package>')` of a bundled package becomes `require('<package>')`: bundled, and
//   initialised at that call, not at start-up (src/cli/config.ts loads jsonc-parser only when a config file exists).
// - A dynamic `import('<package>')` becomes `__fathomImport('<package>')`, a native import() that run-bundle.ts
//   passes in: Node 20 loses a script's dynamic-import callback when V8 loads it from a code cache
//   (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so the bundle itself must contain no import().
// - Every `import.meta.url` of a bundled file becomes the URL of that file's own tsc output (dist/…, still shipped),
//   so asset, schema, precompiled-validator and worker paths resolve exactly as unbundled.
// - The bundle ends with `// fathom-bundle-id: <sha256>`; the cache is trained by one process running `search`,
//   `ask`, `--help` and `--version` over a small temporary store, and written as fathom.cjs.<id>.cache.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const outdir = `${dist}cli/bundle`;
const outfile = `${outdir}/fathom.cjs`;
/**
 * ES-module-only dependencies (a CommonJS bundle cannot `require` them on every Node 20), and start-up ones: the
 * JavaScript of better-sqlite3 (its addon is loaded by path, src/store/sqlite/open-sqlite.ts; `bindings`, which
 * it uses only without that path, stays external).
 */
const bundled = ['citty', 'stemmer', 'jose', 'jsonc-parser', 'better-sqlite3'];
const isBundled = (specifier) => bundled.some((p) => specifier === p || specifier.startsWith(`${p}/`));

const plugin = {
  name: 'fathom-bundle',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => {
      if (path === 'bindings') return { path, external: true };
      if (path.startsWith('node:') || !importer.startsWith(dist)) return undefined;
      return isBundled(path) ? undefined : { path, external: true };
    });
    b.onLoad({ filter: /\.js$/ }, async ({ path }) => {
      if (!path.startsWith(dist)) return undefined;
      let contents = await readFile(path, 'utf8');
      contents = contents.replace(/\bimport\((['"])([^.'"][^'"]*)\1\)/g, '__fathomImport($1$2$1)');
      // A bundled package required on first use (`createRequire(import.meta.url)('<package>')`) stays lazy and bundled.
      contents = contents.replace(/\bcreateRequire\(import\.meta\.url\)\((['"])([^.'"][^'"]*)\1\)/g, (m, q, name) => (isBundled(name) ? `require(${q}${name}${q})` : m));
      if (contents.includes('import.meta')) {
        const rel = relative(outdir, path).split('\\').join('/');
        contents = contents.replaceAll('import.meta.url', `__fathomUrl(${JSON.stringify(rel)})`).replaceAll('import.meta.resolve(', '__fathomResolve(');
        if (contents.includes('import.meta')) throw new Error(`${path}: an import.meta use the bundle cannot keep (only .url and .resolve are rewritten)`);
      }
      return { contents, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: [`${dist}cli/run-process.js`],
  outfile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  plugins: [plugin],
  banner: {
    js: [
      'const __fathomUrl = (rel) => require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href;',
      'const __fathomResolve = (specifier) => require("node:url").pathToFileURL(require.resolve(specifier)).href;',
    ].join('\n'),
  },
  minifyWhitespace: true, // a smaller file to read; names are kept, so stack traces (FATHOM_DEBUG=1) stay readable
  metafile: true,
  logLevel: 'warning',
});
if (result.warnings.length) throw new Error(`esbuild warnings: ${result.warnings.map((w) => w.text).join('; ')}`);
const dynamic = Object.values(result.metafile.outputs).flatMap((o) => o.imports).filter((i) => i.kind === 'dynamic-import' && i.external);
if (dynamic.length) throw new Error(`build-bundle: import() left in the bundle (fails with a code cache): ${dynamic.map((i) => i.path).join(', ')}`);
// ASCII only (esbuild keeps non-ASCII characters in regular expressions): Node then reads the file as a one-byte
// string, several times faster than decoding UTF-8 into a two-byte one. Code units are escaped, so a surrogate pair
// stays one code point in a `u` regular expression; no template in the bundle is read raw (String.raw).
const text = readFileSync(outfile, 'utf8');
if (text.includes('String.raw')) throw new Error('build-bundle: String.raw in the bundle: escaping non-ASCII characters would change it');
const ascii = text.replace(/[^\x00-\x7f]/gu, (c) => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));
const id = createHash('sha256').update(ascii).digest('hex').slice(0, 32);
writeFileSync(outfile, `${ascii}\n// fathom-bundle-id: ${id}\n`);

// Train the code cache: a small store, then one process (plain `node`: V8 accepts a cache only under the same
// flags) running the commands people run most.
const tmp = mkdtempSync(join(tmpdir(), 'fathom-bundle-'));
try {
  mkdirSync(join(tmp, 'kb'));
  for (const [name, text] of Object.entries({ 'refunds.md': '# Refunds\n\nRefunds are granted within 30 days of purchase.\n', 'pricing.md': '# Pricing\n\nThe Enterprise plan costs $54 per seat per month.\n' })) writeFileSync(join(tmp, 'kb', name), text);
  const run = (args) => {
    const r = spawnSync(process.execPath, args, { cwd: tmp, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build-bundle: ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  };
  run([`${dist}cli/run.js`, 'ingest', 'kb']);
  const argvs = [['search', 'refund window', '-k', '3'], ['ask', 'How long do I have to ask for a refund?'], ['search', 'enterprise price', '--json'], ['--help'], ['--version']];
  const train = `const { runBundle } = await import(${JSON.stringify(pathToFileURL(`${dist}cli/run-bundle.js`).href)}); const r = await runBundle({ file: ${JSON.stringify(outfile)}, argvs: ${JSON.stringify(argvs)}, rewriteCache: true }); process.stderr.write('\\n' + JSON.stringify(r) + '\\n');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', train], { cwd: tmp, encoding: 'utf8' });
  const last = JSON.parse(r.stderr.trim().split('\n').pop() ?? '{}');
  if (r.status !== 0 || !last.wrote) throw new Error(`build-bundle: training the code cache failed (${r.status}): ${r.stderr}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const size = (f) => Math.round(readFileSync(f).length / 1024);
console.log(`bundled the CLI into dist/cli/bundle/fathom.cjs (${size(outfile)} KiB, ${Object.keys(result.metafile.inputs).length} modules) with a trained code cache (${size(`${outfile}.${id}.cache`)} KiB)`);
