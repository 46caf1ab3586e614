/**
 * usearch, loaded through its CommonJS build. Its ESM build locates the native addon from a module path it
 * cannot determine under plain Node ESM and recurses until the stack overflows (usearch 2.25.1); under tsx the
 * CommonJS build was loaded and hid this. `createRequire` loads the CommonJS build everywhere.
 */
import { createRequire } from 'node:module';
import type * as Usearch from 'usearch';

const require = createRequire(import.meta.url);
const usearch = require('usearch') as typeof Usearch;

export const Index = usearch.Index;
export type Index = Usearch.Index;
export const MetricKind = usearch.MetricKind;
export type MetricKind = Usearch.MetricKind;
export const exactSearch = usearch.exactSearch;
export type { Matches, ScalarKind } from 'usearch';
