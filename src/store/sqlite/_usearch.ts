/**
 * usearch, loaded through its CommonJS build. Its ESM build locates the native addon from a module path it
 * cannot determine under plain Node ESM and recurses until the stack overflows (usearch 2.25.1); under tsx the
 * CommonJS build was loaded and hid this. `createRequire` loads the CommonJS build everywhere.
 * Loaded on first use, not on import: the native addon costs tens of milliseconds of start-up, and a BM25
 * search never touches vectors.
 */
import { createRequire } from 'node:module';
import type * as Usearch from 'usearch';

const require = createRequire(import.meta.url);
let loaded: typeof Usearch | undefined;
const load = (): typeof Usearch => (loaded ??= require('usearch') as typeof Usearch);

export const Index = new Proxy(function () {} as unknown as typeof Usearch.Index, {
  construct: (_target, args: unknown[]) => new (load().Index as new (...a: unknown[]) => object)(...args),
  get: (_target, key) => Reflect.get(load().Index, key),
});
export type Index = Usearch.Index;
export const MetricKind = new Proxy({} as typeof Usearch.MetricKind, { get: (_target, key) => Reflect.get(load().MetricKind, key) });
export type MetricKind = Usearch.MetricKind;
export const exactSearch: typeof Usearch.exactSearch = (...args) => load().exactSearch(...args);
export type { Matches, ScalarKind } from 'usearch';
