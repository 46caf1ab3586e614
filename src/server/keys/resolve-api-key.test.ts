import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../../spec/store.js';
import { createSqliteStore } from '../../store/sqlite/index.js';
import { createApiKey } from './create-api-key.js';
import { resolveApiKey } from './resolve-api-key.js';
import { revokeApiKey } from './revoke-api-key.js';

let dir: string;
let store: Store;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fathom-keycache-'));
  store = await createSqliteStore({ path: join(dir, 'fathom.db') });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('API key cache', () => {
  it('a key revoked through the same store is refused as soon as revokeApiKey returns, however long the TTL', async () => {
    const { key, record } = await createApiKey({ store, tenant: 't', principal: 'user:a', role: 'reader' });
    assert.equal((await resolveApiKey({ store, key, cacheMs: 3_600_000 }))?.id, record.id);
    assert.equal((await resolveApiKey({ store, key, cacheMs: 3_600_000 }))?.id, record.id, 'served from the cache');
    await revokeApiKey({ store, id: record.id });
    assert.equal(await resolveApiKey({ store, key, cacheMs: 3_600_000 }), undefined);
  });

  it('a revocation made through another connection (another process) is seen once the TTL has passed', async () => {
    const other = await createSqliteStore({ path: join(dir, 'fathom.db') });
    try {
      const { key, record } = await createApiKey({ store, tenant: 't', principal: 'user:b', role: 'reader' });
      let t = 1_000_000;
      const now = () => t;
      assert.ok(await resolveApiKey({ store, key, cacheMs: 1000, now }));
      await revokeApiKey({ store: other, id: record.id });
      t += 999;
      assert.ok(await resolveApiKey({ store, key, cacheMs: 1000, now }), 'within the documented bound the cached key still passes');
      t += 1;
      assert.equal(await resolveApiKey({ store, key, cacheMs: 1000, now }), undefined, 'after the TTL the revocation is seen');
      assert.equal(await resolveApiKey({ store, key }), undefined, 'without a cache it is seen at once');
    } finally {
      await other.close();
    }
  });

  it('a lookup in flight while the key is revoked does not put the key back into the cache', async () => {
    const { key, record } = await createApiKey({ store, tenant: 't', principal: 'user:c', role: 'reader' });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let hold = true;
    // The same store object with a record read that waits for the gate once (a slow read racing the revocation).
    const slow = Object.create(store) as Store;
    slow.getMeta = async (o) => {
      const raw = await store.getMeta(o);
      if (hold && o.key.startsWith('apikey:')) {
        hold = false;
        await gate;
      }
      return raw;
    };
    const inFlight = resolveApiKey({ store: slow, key, cacheMs: 3_600_000 });
    await new Promise((r) => setImmediate(r));
    await revokeApiKey({ store: slow, id: record.id });
    release();
    assert.ok(await inFlight, 'the request that started before the revocation may pass');
    assert.equal(await resolveApiKey({ store: slow, key, cacheMs: 3_600_000 }), undefined, 'no request after revokeApiKey returned passes');
  });

  it('an unknown key is looked up every time: a key created after a miss works at once', async () => {
    const made = await createApiKey({ store, tenant: 't', principal: 'user:d', role: 'reader' });
    assert.ok(await resolveApiKey({ store, key: made.key, cacheMs: 1000 }));
    assert.equal(await resolveApiKey({ store, key: `fk_${'B'.repeat(43)}`, cacheMs: 1000 }), undefined);
  });
});
