import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { getTunedModel } from './get-tuned-model.js';
import { listTunedModels } from './list-tuned-models.js';
import { registerTunedModel } from './register-tuned-model.js';

let dir = '';
let registryPath = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fathom-registry-'));
  registryPath = join(dir, '.fathom', 'models.json');
  await writeFile(join(dir, 'adapter.gguf'), Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(16)]));
  await writeFile(join(dir, 'base.gguf'), Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(16)]));
  await writeFile(join(dir, 'fake.gguf'), 'not a gguf');
});
after(async () => { await rm(dir, { recursive: true, force: true }); });
const now = () => Date.UTC(2026, 0, 2);

describe('registerTunedModel', () => {
  it('records a GGUF LoRA adapter and an OpenAI-compatible model; list and get read them back', async () => {
    assert.deepEqual(await listTunedModels({ registryPath }), []);
    const lora = await registerTunedModel({ registryPath, name: 'support-tone', kind: 'gguf-lora', path: join(dir, 'adapter.gguf'), baseModel: join(dir, 'base.gguf'), metrics: { formatConsistency: 0.98 }, _internal: { now } });
    assert.deepEqual(lora, { name: 'support-tone', kind: 'gguf-lora', path: join(dir, 'adapter.gguf'), baseModel: join(dir, 'base.gguf'), metrics: { formatConsistency: 0.98 }, registeredAt: '2026-01-02T00:00:00.000Z' });
    await registerTunedModel({ registryPath, name: 'ft:gpt', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:8000/v1', modelId: 'ft:gpt-4.1-mini:acme::abc', _internal: { now } });
    assert.deepEqual((await listTunedModels({ registryPath })).map((m) => m.name), ['support-tone', 'ft:gpt']);
    assert.equal((await getTunedModel({ registryPath, name: 'ft:gpt' })).modelId, 'ft:gpt-4.1-mini:acme::abc');
    const file = JSON.parse(await readFile(registryPath, 'utf8')) as { version: number; models: unknown[] };
    assert.equal(file.version, 1);
    assert.equal(file.models.length, 2);
  });

  it('refuses a duplicate name unless overwrite, and replaces it with overwrite', async () => {
    const again = { registryPath, name: 'support-tone', kind: 'gguf' as const, path: join(dir, 'adapter.gguf') };
    await assert.rejects(registerTunedModel(again), /already registered/);
    await registerTunedModel({ ...again, overwrite: true });
    assert.equal((await getTunedModel({ registryPath, name: 'support-tone' })).kind, 'gguf');
    assert.equal((await listTunedModels({ registryPath })).length, 2);
  });

  it('validates GGUF files, required fields and names', async () => {
    await assert.rejects(registerTunedModel({ registryPath, name: 'x', kind: 'gguf', path: join(dir, 'fake.gguf') }), { code: 'UNSUPPORTED_FORMAT' });
    await assert.rejects(registerTunedModel({ registryPath, name: 'x', kind: 'gguf', path: join(dir, 'missing.gguf') }), { code: 'PATH_NOT_FOUND' });
    await assert.rejects(registerTunedModel({ registryPath, name: 'x', kind: 'gguf-lora', path: join(dir, 'adapter.gguf') }), /baseModel/);
    await assert.rejects(registerTunedModel({ registryPath, name: 'x', kind: 'gguf-lora', path: join(dir, 'adapter.gguf'), baseModel: join(dir, 'fake.gguf') }), { code: 'UNSUPPORTED_FORMAT' });
    await assert.rejects(registerTunedModel({ registryPath, name: 'x', kind: 'openai-compatible', baseURL: 'ftp://h', modelId: 'm' }), /http\(s\)/);
    await assert.rejects(registerTunedModel({ registryPath, name: 'x', kind: 'openai-compatible', modelId: 'm' }), /baseURL/);
    await assert.rejects(registerTunedModel({ registryPath, name: ' bad name', kind: 'gguf', path: join(dir, 'adapter.gguf') }), /must start/);
    assert.equal((await listTunedModels({ registryPath })).length, 2, 'nothing was written by failed registrations');
  });

  it('getTunedModel throws NOT_FOUND naming the registered models; a corrupt registry is FILE_MALFORMED', async () => {
    await assert.rejects(getTunedModel({ registryPath, name: 'nope' }), (e: Error & { code?: string }) => e.code === 'NOT_FOUND' && /support-tone, ft:gpt/.test(e.message));
    const corrupt = join(dir, 'corrupt.json');
    await writeFile(corrupt, '{"models": 3}');
    await assert.rejects(listTunedModels({ registryPath: corrupt }), { code: 'FILE_MALFORMED' });
  });
});
