/**
 * The store conformance suite: every `Store` backend must pass it. It registers node:test cases.
 *
 * @example
 * runStoreConformance({ name: 'sqlite', create: () => createSqliteStore({ path: ':memory:' }) });
 */
import { describe } from 'node:test';
import type { Store } from '../spec/store.js';
import { aclCases } from './store/acl-cases.js';
import { approximateCases, type ApproximateCaseOptions } from './store/approximate-cases.js';
import { contextCacheCases } from './store/context-cache-cases.js';
import { dedupCases } from './store/dedup-cases.js';
import { keywordOnly } from './store/fixtures.js';
import { forgetCases } from './store/forget-cases.js';
import { incrementalCases } from './store/incremental-cases.js';
import { lifecycleCases } from './store/lifecycle-cases.js';
import { searchCases } from './store/search-cases.js';
import { tenancyCases } from './store/tenancy-cases.js';
import { tenantIdCases } from './store/tenant-id-cases.js';
import { versionCases } from './store/versions-cases.js';

/** Options of {@link runStoreConformance}. */
export interface StoreConformanceOptions {
  /** Name of the backend, shown in test output. */
  name: string;
  /** A fresh, empty store per test; the suite closes it. */
  create: () => Promise<Store>;
  /**
   * Optional: a store using its approximate vector index from about 100 vectors per tenant (e.g. a low
   * threshold), and how to reopen its data; runs the approximate-index cases.
   */
  approximate?: ApproximateCaseOptions;
  /**
   * Whether the backend searches vectors. `false` (a keyword-only deployment, e.g. Postgres without pgvector): writes
   * lose their vectors and the vector assertions and cases are skipped, with the reason in the test output. @default true
   */
  vectors?: boolean;
}

/** Register the conformance cases for one backend. */
export function runStoreConformance(options: StoreConformanceOptions): void {
  const { name, approximate, vectors = true } = options;
  const create = vectors ? options.create : async () => keywordOnly(await options.create());
  describe(`Store conformance: ${name}${vectors ? '' : ' (keyword-only: vector assertions skipped)'}`, () => {
    describe('versions and commits', () => versionCases(create));
    describe('tenant isolation', () => tenancyCases(create));
    describe('search', () => searchCases(create));
    describe('deletion, keys, duplicates, log, meta', () => lifecycleCases(create));
    describe('incremental index updates', () => incrementalCases(create));
    describe('context cache', () => contextCacheCases(create));
    describe('tenant ids', () => tenantIdCases(create));
    describe('duplicates decided inside the commit', () => dedupCases(create));
    describe('deletion and the audit log', () => forgetCases(create));
    if (approximate && vectors) describe('approximate vector index', () => approximateCases(approximate));
    describe('document permissions', () => aclCases(create, vectors ? approximate?.create : undefined));
  });
}
