import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { runStoreConformance } from '../../testing/store-conformance.js';
import { createSqliteStore } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-sqlite-conformance-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const vectorIndex = { annThreshold: 100, filterExactLimit: 20 };

runStoreConformance({
  name: 'sqlite (file)',
  create: () => createSqliteStore({ path: join(dir, `s${n++}`, 'store.db') }),
  approximate: {
    create: () => createSqliteStore({ path: join(dir, `s${n++}`, 'store.db'), vectorIndex }),
    reopen: (store) => createSqliteStore({ path: store.location, vectorIndex }),
  },
});
runStoreConformance({
  name: 'sqlite (:memory:)',
  create: () => createSqliteStore({ path: ':memory:' }),
  approximate: { create: () => createSqliteStore({ path: ':memory:', vectorIndex }) },
});
