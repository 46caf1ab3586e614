import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeTinyLlamaGguf } from '../testing/tiny-gguf/index.js';
import { FathomError } from '../util/errors.js';
import { sha256, startHubServer, type HubServer } from './__fixtures__/hub-server.js';
import { listModels, pullModel, removeModel, type PullProgress } from './index.js';

let dir: string;
let hub: HubServer;
let gguf: Buffer;
const REPO = 'tiny-org/tiny-llama-GGUF';
const FILE = 'tiny-llama-f32.gguf';
const commit = '0123456789abcdef0123456789abcdef01234567';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fathom-pull-'));
  gguf = readFileSync((await writeTinyLlamaGguf({ path: join(dir, 'src', FILE) })).path);
  hub = await startHubServer({ commit, repos: { [REPO]: { [FILE]: { bytes: gguf, lfs: true }, 'README.md': { bytes: Buffer.from('# tiny\n'), lfs: false } } } });
});
after(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('pullModel from a hub-layout server', () => {
  const cacheDir = () => join(dir, 'cache');

  it('follows the LFS redirect, verifies size and SHA-256, reports progress and records the commit', async () => {
    const seen: PullProgress[] = [];
    const { model, cached } = await pullModel({ name: `${REPO}/${FILE}`, cacheDir: cacheDir(), hubUrl: hub.url, onProgress: (p) => seen.push(p) });
    assert.equal(cached, false);
    const path = join(cacheDir(), REPO, FILE);
    assert.equal(model.path, path);
    assert.equal(sha256(readFileSync(path)), sha256(gguf));
    assert.deepEqual(model.files, [{ path: FILE, bytes: gguf.length, sha256: sha256(gguf) }]);
    assert.equal(model.commit, commit);
    assert.equal(model.format, 'gguf');
    assert.ok(hub.requests.includes(`GET /${REPO}/resolve/main/${FILE}`) && hub.requests.some((r) => r.startsWith('GET /cdn/')));
    assert.ok(seen.length > 2, 'several progress events');
    assert.deepEqual(seen.at(-1), { file: FILE, loaded: gguf.length, total: gguf.length });
    assert.ok(seen.every((p, i) => i === 0 || p.loaded >= seen[i - 1]!.loaded));
    assert.deepEqual(listModels({ cacheDir: cacheDir() }).map((m) => m.name), [`${REPO}/${FILE}`]);
  });

  it('does not download again when the cached file has the hub checksum', async () => {
    const before = hub.requests.length;
    const { cached } = await pullModel({ name: `hf:${REPO}/${FILE}`, cacheDir: cacheDir(), hubUrl: hub.url });
    assert.equal(cached, true);
    assert.ok(!hub.requests.slice(before).some((r) => r.startsWith('GET /cdn/')));
  });

  it('verifies a small git file by its git blob SHA-1', async () => {
    const { model, warnings } = await pullModel({ name: `${REPO}/README.md`, cacheDir: cacheDir(), hubUrl: hub.url });
    assert.deepEqual(warnings, []);
    assert.equal(readFileSync(model.path + '/README.md', 'utf8'), '# tiny\n');
  });

  it('rejects a corrupted download with MODEL_CHECKSUM_MISMATCH and leaves no file behind', async () => {
    const other = join(dir, 'cache-corrupt');
    hub.corrupt(sha256(gguf));
    try {
      await assert.rejects(pullModel({ name: `${REPO}/${FILE}`, cacheDir: other, hubUrl: hub.url }), (e: unknown) => FathomError.isInstance(e) && e.code === 'MODEL_CHECKSUM_MISMATCH' && /SHA-256/.test(e.message));
    } finally {
      hub.corrupt(undefined);
    }
    assert.deepEqual(readdirSync(join(other, REPO)), []);
    assert.deepEqual(listModels({ cacheDir: other }), []);
  });

  it('names a missing file (404) and an unknown or unsafe name as user errors', async () => {
    await assert.rejects(pullModel({ name: `${REPO}/missing.gguf`, cacheDir: cacheDir(), hubUrl: hub.url }), (e: unknown) => FathomError.isInstance(e) && e.code === 'MODEL_NOT_AVAILABLE' && /404/.test(e.message));
    await assert.rejects(pullModel({ name: 'org/../etc/passwd', cacheDir: cacheDir(), hubUrl: hub.url }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_ARGUMENT');
    await assert.rejects(pullModel({ name: 'no-such-model', cacheDir: cacheDir(), hubUrl: hub.url }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_ARGUMENT' && /qwen2\.5-0\.5b-instruct/.test(e.message));
  });

  it('cannot reach the hub: PROVIDER_REQUEST_FAILED naming FATHOM_MODEL_HUB', async () => {
    await assert.rejects(pullModel({ name: `${REPO}/${FILE}`, cacheDir: join(dir, 'c3'), hubUrl: 'http://127.0.0.1:1' }), (e: unknown) => FathomError.isInstance(e) && e.code === 'PROVIDER_REQUEST_FAILED' && /FATHOM_MODEL_HUB/.test(e.message));
  });

  it('removeModel deletes only that model\'s files and its manifest entry', () => {
    const removed = removeModel({ cacheDir: cacheDir(), name: `${REPO}/${FILE}` });
    assert.equal(removed.name, `${REPO}/${FILE}`);
    assert.equal(existsSync(join(cacheDir(), REPO, FILE)), false);
    assert.equal(existsSync(join(cacheDir(), REPO, 'README.md')), true);
    assert.deepEqual(listModels({ cacheDir: cacheDir() }).map((m) => m.name), [`${REPO}/README.md`]);
    assert.throws(() => removeModel({ cacheDir: cacheDir(), name: `${REPO}/${FILE}` }), (e: unknown) => FathomError.isInstance(e) && e.code === 'NOT_FOUND');
  });
});
