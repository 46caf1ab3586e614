/**
 * Deletion audit (issue 9, deliverable 5): a unique marker is ingested, embedded, contextualised, asked about and
 * evaluated; `docs delete` runs while another process holds a read transaction; once the reader closes and the store
 * is opened again, the marker is in no byte of any file under the working directory — and the receipt named every
 * place it was removed from. Copies fathom does not manage (a log export) keep it, and the receipt says so.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DeletionReceipt } from '../spec/store.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { startOpenAIChatServer } from '../testing/openai-chat-server.js';
import { startOpenAICompatibleServer } from '../testing/openai-compatible-server.js';
import type { ScriptedServer } from '../testing/openai-compatible-server.js';
import { runCliCaptured } from './__fixtures__/run-cli.js';

const MARKER = 'Zqvx7731k';
const cli = (cwd: string, ...args: string[]) => runCliCaptured({ cwd, args, env: { TEST_KEY: 'k' } });

/** Every file under `dir` (dot folders, -wal, -shm, .usearch and .meta included) whose bytes contain the marker, in any case. */
function filesWithMarker(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (readFileSync(p).toString('latin1').toLowerCase().includes(MARKER.toLowerCase())) found.push(p);
    }
  };
  walk(dir);
  return found;
}

const allFiles = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? allFiles(join(dir, n)) : [join(dir, n)]));

/** A child process holding a read transaction on the store until told to end it. */
async function startReader(db: string): Promise<{ child: ChildProcess; end: () => Promise<void> }> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const code = `const D = require(${JSON.stringify(driver)}); const db = new D(${JSON.stringify(db)}, { readonly: true });
db.exec('BEGIN'); db.prepare('SELECT count(*) FROM chunks').get(); process.stdout.write('ready\\n');
process.stdin.on('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('exit', (c) => reject(new Error(`reader exited early (${c})`)));
  });
  return { child, end: () => new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.stdin!.write('end\n'); }) };
}

function project(dir: string, embed: ScriptedServer, chat: ScriptedServer): void {
  mkdirSync(join(dir, 'kb'));
  writeFileSync(join(dir, 'kb', 'secret.md'), `# Vault\n\nThe vault passphrase is ${MARKER} and it opens the archive room.\n\nOnly the night guard knows the ${MARKER} passphrase.\n`);
  writeFileSync(join(dir, 'kb', 'public.md'), '# Canteen\n\nThe canteen opens at noon and serves soup on Fridays.\n');
  writeFileSync(join(dir, 'golden.jsonl'), [
    { id: 'vault', question: 'What is the vault passphrase?', answers: [MARKER], sources: [{ documentId: 'kb/secret.md' }] },
    { id: 'canteen', question: 'When does the canteen open?', answers: ['at noon'], sources: [{ documentId: 'kb/public.md' }] },
  ].map((x) => JSON.stringify(x)).join('\n'));
  writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({
    embedding: { provider: 'openai-compatible', baseURL: embed.url, model: 'test-embedding', apiKeyEnv: 'TEST_KEY', dimensions: 8 },
    generation: { provider: 'openai-compatible', baseURL: chat.url, model: 'ctx', apiKeyEnv: 'TEST_KEY' },
    store: { path: '.fathom/fathom.db', vectorIndex: { mode: 'ann' } },
    search: { mode: 'hybrid', topK: 3 },
  }));
}

describe('deletion audit: the marker leaves every file fathom wrote', () => {
  let embed: ScriptedServer;
  let chat: ScriptedServer;
  const dirs: string[] = [];
  before(async () => {
    embed = await startOpenAICompatibleServer();
    // The mock context quotes the chunk's marker, so the context cache holds it too.
    chat = await startOpenAIChatServer({ reply: (m) => `Context: the archive note about ${/Zqvx\w+/.exec(m.map((x) => x.content).join(' '))?.[0] ?? 'canteens'}.` });
  });
  after(async () => {
    await embed.close();
    await chat.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('ingested, embedded, contextualised, asked, evaluated; deleted under a concurrent reader; erased on the next open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fathom-deletion-audit-'));
    dirs.push(dir);
    project(dir, embed, chat);
    const ok = async (...args: string[]) => {
      const r = await cli(dir, ...args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
      return r;
    };
    await ok('ingest', 'kb', '--contextual');
    const asked = (await ok('ask', 'What is the vault passphrase?', '--model', 'extractive', '--json')).json();
    assert.ok(JSON.stringify(asked).includes(MARKER), 'control: the answer quotes the marker');
    await ok('search', 'archive room passphrase', '--mode', 'vector');
    const run = (await ok('eval', 'run', 'golden.jsonl', '--model', 'extractive', '--json')).json();
    const store = join(dir, '.fathom', 'fathom.db');
    const cacheFile = readdirSync(join(dir, '.fathom', 'cache', 'eval'))[0]!;
    for (const f of [store, run.path, join(dir, '.fathom', 'cache', 'eval', cacheFile)]) assert.ok(filesWithMarker(dirname(f)).some((x) => x === f || x.startsWith(f)), `control: marker in ${f}`);
    assert.ok(allFiles(join(dir, '.fathom')).some((f) => f.endsWith('.usearch')) && allFiles(join(dir, '.fathom')).some((f) => f.endsWith('.usearch.meta')), 'control: the HNSW side files exist');

    const reader = await startReader(store);
    let receipt: DeletionReceipt;
    try {
      const r = await ok('docs', 'delete', 'kb/secret.md', '--json');
      receipt = r.json();
      assert.match(r.err, /pending physical erasure until readers close/);
    } finally {
      await reader.end();
    }
    assert.deepEqual(receipt.deleted, ['kb/secret.md']);
    assert.equal(receipt.erasure.status, 'pending', 'a reader held an old snapshot: erasure is reported as pending, not done');
    const place = (p: string) => receipt.places.find((x) => x.place === p);
    assert.equal(place('store')?.count, 1);
    assert.ok(place('context-cache')!.count >= 1, 'contexts removed');
    assert.equal(place('audit-log')?.count, 1, 'the ask entry redacted');
    assert.equal(place('eval-run')?.path, run.path);
    // The extractive answerer's run has no closed-book mode (not measured): the vault item in RAG and oracle, and the canteen item's RAG result that retrieved it.
    assert.equal(place('eval-run')?.count, 3, 'the vault item in two modes, and the canteen item\'s RAG result that retrieved it');
    assert.ok(place('eval-cache')!.count >= 3, `eval-cache lines redacted: ${place('eval-cache')?.count}`);
    assert.ok(receipt.places.some((p) => p.place === 'side-file' && p.path.endsWith('.usearch')));
    assert.deepEqual(receipt.notManaged.map((u) => [u.kind, u.path]).sort(), [['golden-set', join(dir, 'golden.jsonl')], ['source-file', join(dir, 'kb', 'secret.md')]]);

    // The next open finishes the erasure the reader blocked — checked while that store is still open (a long-lived
    // process such as a server), before any close could checkpoint on its own.
    const reopened = await createSqliteStore({ path: store });
    assert.deepEqual(filesWithMarker(join(dir, '.fathom')), [], 'erased on open');
    await reopened.close();
    const log = (await ok('log', 'list', '--json')).json();
    assert.equal(log[0].redacted.reason, 'document-deleted');
    assert.match((await ok('log', 'show', log[0].id)).out, /\[redacted .*document-deleted \(kb\/secret\.md\)\]/);
    // The user's own files, which the receipt listed as not managed, are the user's to delete.
    for (const u of receipt.notManaged) rmSync(u.path);
    assert.deepEqual(filesWithMarker(dir), [], 'the marker is in no byte of any file under the working directory');
    const after = JSON.parse(readFileSync(run.path, 'utf8'));
    assert.equal(after.results.filter((r: { redacted?: unknown }) => r.redacted).length, 3);
    assert.deepEqual(after.items.map((i: { question: string }) => i.question), ['', 'When does the canteen open?'], 'the golden item about the document is redacted, the other kept');
    const canteen = after.results.filter((r: { itemId: string }) => r.itemId === 'canteen');
    assert.deepEqual(canteen.map((r: { mode: string; redacted?: unknown }) => [r.mode, Boolean(r.redacted)]).sort(), [['oracle', false], ['rag', true]]);
    assert.deepEqual(after.summary, run.summary, 'metrics are kept: the summary still holds');
    assert.equal((await ok('search', 'canteen soup', '--json')).json().hits[0].document.id, 'kb/public.md');
  });

  it('names a log export outside .fathom as not managed, and leaves it alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fathom-deletion-export-'));
    dirs.push(dir);
    project(dir, embed, chat);
    writeFileSync(join(dir, 'fathom.config.json'), '{}');
    assert.equal((await cli(dir, 'ingest', 'kb')).code, 0);
    assert.equal((await cli(dir, 'ask', 'What is the vault passphrase?')).code, 0);
    mkdirSync(join(dir, 'exports'));
    assert.equal((await cli(dir, 'log', 'export', '--out', 'exports/log.jsonl')).code, 0);
    assert.equal((await cli(dir, 'eval', 'run', 'golden.jsonl', '--modes', 'oracle', '--out', 'exports/run.json')).code, 0);
    const r = await cli(dir, 'docs', 'delete', 'kb/secret.md');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Not managed by fathom \(may still hold the text\):\n(.*\n)*  export +\S*exports\/log\.jsonl — audit-log export/);
    assert.match(r.out, /  export +\S*exports\/run\.json — eval-run export/);
    assert.match(r.out, /audit-log +redacted +1 audit entries/);
    assert.match(r.out, /Physical erasure: complete/);
    assert.ok(readFileSync(join(dir, 'exports', 'log.jsonl'), 'utf8').includes(MARKER), 'the export is the user\'s: untouched');
    rmSync(join(dir, 'kb', 'secret.md'));
    rmSync(join(dir, 'golden.jsonl'));
    assert.deepEqual(filesWithMarker(dir).sort(), [join(dir, 'exports', 'log.jsonl'), join(dir, 'exports', 'run.json')], 'only the unmanaged exports keep it');
    assert.ok(existsSync(join(dir, '.fathom', 'fathom.db')));
  });
});
