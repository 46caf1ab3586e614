import type { KeywordSearchOptions, Store, VectorSearchOptions } from '../../spec/store.js';

/** The searches and chunk reads a {@link recordStoreCalls} view has passed on, in order. */
export interface StoreCalls {
  keyword: KeywordSearchOptions[];
  vector: VectorSearchOptions[];
  getChunks: string[][];
}

/** A view of a real `store` that records what callers ask of its searches and chunk reads (depths, filters, ids), then delegates. */
export function recordStoreCalls(store: Store): Store & { calls: StoreCalls } {
  const calls: StoreCalls = { keyword: [], vector: [], getChunks: [] };
  return {
    ...store,
    calls,
    searchKeyword: (o) => (calls.keyword.push(o), store.searchKeyword(o)),
    searchVector: (o) => (calls.vector.push(o), store.searchVector(o)),
    getChunks: (o) => (calls.getChunks.push(o.ids), store.getChunks(o)),
  };
}
