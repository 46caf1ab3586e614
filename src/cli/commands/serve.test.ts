import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCliCaptured } from '../__fixtures__/run-cli.js';
import { spawnServe } from '../__fixtures__/spawn-serve.js';

let dir: string;
const cli = (...args: string[]) => runCliCaptured({ cwd: dir, args });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fathom-serve-'));
  mkdirSync(join(dir, 'kb'));
  writeFileSync(join(dir, 'kb', 'pricing.md'), '# Pricing\n\nThe Enterprise plan costs 54 dollars per seat per month.\n');
  assert.equal((await cli('ingest', 'kb', '--tenant', 'acme')).code, 0);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('fathom keys', () => {
  it('creates a key shown once, lists it without the secret, revokes it', async () => {
    const created = await cli('keys', 'create', '--tenant', 'acme', '--principal', 'user:alice', '--groups', 'support,eu', '--role', 'writer', '--json');
    assert.equal(created.code, 0, created.err);
    const { key, id, groups, role } = created.json();
    assert.match(key, /^fk_[A-Za-z0-9_-]{43}$/);
    assert.deepEqual([groups, role], [['support', 'eu'], 'writer']);
    const listed = await cli('keys', 'list');
    assert.match(listed.out, new RegExp(`${id}.*tenant acme.*user:alice.*writer`));
    assert.ok(!listed.out.includes(key), 'the secret is never listed');
    assert.equal((await cli('keys', 'revoke', id)).code, 0);
    assert.match((await cli('keys', 'list')).out, /REVOKED/);
  });

  it('rejects a bad role and an unknown key id with exit 2', async () => {
    const bad = await cli('keys', 'create', '--principal', 'user:x', '--role', 'owner');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--role/);
    assert.match(bad.err, /reader/);
    assert.equal((await cli('keys', 'revoke', 'key_000000000000')).code, 2);
  });
});

describe('server config', () => {
  it('accepts a valid "server" section and rejects a bad one with exit 2 naming the key', async () => {
    const cfgDir = mkdtempSync(join(tmpdir(), 'fathom-serve-cfg-'));
    try {
      writeFileSync(join(cfgDir, 'fathom.config.json'), JSON.stringify({ server: { port: 9000, rateLimit: { requestsPerMinute: 10 }, cors: { origins: ['https://a.example'] }, oidc: { jwksUrl: 'https://idp.example/jwks', issuer: 'https://idp.example', audience: 'fathom' } } }));
      const ok = await runCliCaptured({ cwd: cfgDir, args: ['keys', 'create', '--principal', 'user:x'] });
      assert.equal(ok.code, 0, ok.err);
      writeFileSync(join(cfgDir, 'fathom.config.json'), JSON.stringify({ server: { port: 'eighty', ratelimit: 5 } }));
      const bad = await runCliCaptured({ cwd: cfgDir, args: ['serve'] });
      assert.equal(bad.code, 2);
      assert.match(bad.err, /server\.port/);
      assert.match(bad.err, /ratelimit/);
    } finally {
      rmSync(cfgDir, { recursive: true, force: true });
    }
  });
});

describe('monitor config', () => {
  it('rejects a bad "monitor.online" with exit 2 naming the key', async () => {
    const cfgDir = mkdtempSync(join(tmpdir(), 'fathom-serve-cfg-'));
    try {
      writeFileSync(join(cfgDir, 'fathom.config.json'), JSON.stringify({ monitor: { online: { rate: 0, intervalMinutes: 5 } } }));
      const bad = await runCliCaptured({ cwd: cfgDir, args: ['serve'] });
      assert.equal(bad.code, 2);
      assert.match(bad.err, /monitor\.online\.rate/);
    } finally {
      rmSync(cfgDir, { recursive: true, force: true });
    }
  });
});

describe('fathom serve (a real process)', () => {
  let child: ChildProcess;
  let url: string;
  let key: string;
  let logs = () => '';

  before(async () => {
    key = (await cli('keys', 'create', '--tenant', 'acme', '--principal', 'user:bob', '--json')).json().key;
    writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ monitor: { online: { rate: 1, intervalMinutes: 60 } }, server: { prompts: 'config-prompts.json', pipelines: { 'support-terse': { model: 'extractive', topK: 3, prompt: 'terse' } } } }));
    writeFileSync(join(dir, 'config-prompts.json'), JSON.stringify([{ id: 'from-config' }]));
    writeFileSync(join(dir, 'prompts.json'), JSON.stringify([{ id: 'terse', instructions: 'Answer in one sentence.' }]));
    // --prompt overrides server.prompts (the pipeline's "terse" exists only in prompts.json).
    const proc = spawnServe({ cwd: dir, args: ['--prompt', 'prompts.json'] });
    ({ child, logs } = proc);
    url = await proc.url;
  });
  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('listens on loopback, answers with the key, logs JSON lines with request ids', async () => {
    const r = await fetch(`${url}/v1/ask`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'x-request-id': 'probe-1' }, body: JSON.stringify({ question: 'What does the Enterprise plan cost per seat?' }) });
    assert.equal(r.status, 200);
    assert.match(((await r.json()) as { text: string }).text, /54 dollars/);
    await new Promise((res) => setTimeout(res, 100));
    const line = logs().split('\n').find((l) => l.includes('"reqId":"probe-1"'));
    assert.ok(line, logs());
    const entry = JSON.parse(line!) as { route: string; status: number; tenant: string; principal: string };
    assert.deepEqual([entry.route, entry.status, entry.tenant, entry.principal], ['/v1/ask', 200, 'acme', 'user:bob']);
  });

  it('offers the --prompt variants (GET /v1/prompts) and answers /v1/ask with one', async () => {
    const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    assert.deepEqual(await (await fetch(`${url}/v1/prompts`, { headers: auth })).json(), { data: [{ id: 'terse', instructions: 'Answer in one sentence.', examples: 0 }] });
    const r = await fetch(`${url}/v1/ask`, { method: 'POST', headers: auth, body: JSON.stringify({ question: 'What does the Enterprise plan cost per seat?', prompt: 'terse' }) });
    assert.equal(r.status, 200);
    assert.equal((await fetch(`${url}/v1/ask`, { method: 'POST', headers: auth, body: JSON.stringify({ question: 'x', prompt: 'long' }) })).status, 404);
  });

  it('serves the configured pipelines (server.pipelines): listed by /v1/models, answering /v1/chat/completions with their prompt', async () => {
    const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const models = (await (await fetch(`${url}/v1/models`, { headers: auth })).json()) as { data: Array<{ id: string }> };
    assert.deepEqual(models.data.map((m) => m.id), ['fathom-rag', 'support-terse']);
    const r = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: auth, body: JSON.stringify({ model: 'support-terse', messages: [{ role: 'user', content: 'What does the Enterprise plan cost per seat?' }] }) });
    assert.equal(r.status, 200);
    const completion = (await r.json()) as { choices: Array<{ message: { content: string } }> };
    assert.match(completion.choices[0]!.message.content, /54 dollars/);
    const audit = (await (await fetch(`${url}/v1/audit?limit=1`, { headers: auth })).json()) as { entries: Array<{ metadata: { pipeline?: string; promptVariant?: string } }> };
    assert.deepEqual([audit.entries[0]!.metadata.pipeline, audit.entries[0]!.metadata.promptVariant], ['support-terse', 'terse']);
  });

  it('refuses a pipeline whose prompt id is unknown, at start (exit 2, named)', async () => {
    const cfgDir = mkdtempSync(join(tmpdir(), 'fathom-serve-cfg-'));
    try {
      writeFileSync(join(cfgDir, 'fathom.config.json'), JSON.stringify({ server: { port: 0, prompts: 'p.json', pipelines: { p1: { model: 'extractive', prompt: 'missing' } } } }));
      writeFileSync(join(cfgDir, 'p.json'), JSON.stringify([{ id: 'brief' }]));
      const bad = await runCliCaptured({ cwd: cfgDir, args: ['serve'] });
      assert.equal(bad.code, 2, bad.err);
      assert.match(bad.err, /Pipeline "p1" uses prompt variant "missing", which is not among the server's prompts \(brief\)/);
    } finally {
      rmSync(cfgDir, { recursive: true, force: true });
    }
  });

  it('logs the dashboard URL at start, and starts the configured online scoring', () => {
    const listening = JSON.parse(logs().split('\n').find((l) => l.includes('"msg":"listening"'))!) as { url: string; dashboard: string; onlineScoring: unknown };
    assert.equal(listening.dashboard, `${url}/`);
    assert.deepEqual(listening.onlineScoring, { rate: 1, intervalMinutes: 60 });
    assert.match(logs(), /"msg":"online scoring started"/);
  });

  it('on SIGTERM finishes the in-flight stream, then exits 0', async () => {
    const r = await fetch(`${url}/v1/ask`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ question: 'What does the Enterprise plan cost per seat?', stream: true }) });
    assert.equal(r.status, 200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const body = await r.text();
    assert.match(body, /event: answer/, 'the stream was completed, not cut');
    assert.equal(await exited, 0, logs());
    assert.match(logs(), /shutting down: draining/);
    assert.match(logs(), /"msg":"stopped"/);
  });
});
