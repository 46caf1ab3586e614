import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { runStoreConformance } from '../../testing/store-conformance.js';
import { createSqliteStore } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-sqlite-conformance-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

runStoreConformance({ name: 'sqlite (file)', create: () => createSqliteStore({ path: join(dir, `s${n++}`, 'store.db') }) });
runStoreConformance({ name: 'sqlite (:memory:)', create: () => createSqliteStore({ path: ':memory:' }) });
