/** Builders for store conformance tests: documents split into paragraph chunks, with optional vectors. */
import type { ChunkDraft } from '../../spec/chunk.js';
import type { Metadata } from '../../spec/document.js';
import type { DocumentWrite, Store } from '../../spec/store.js';
import { sha256 } from '../../util/hash.js';

/** Options of {@link makeWrite}. */
export interface MakeWriteOptions {
  id: string;
  /** Paragraphs (joined by blank lines); each becomes one leaf chunk. */
  paragraphs: string[];
  title?: string;
  collection?: string;
  metadata?: Metadata;
  /** One vector per paragraph. */
  vectors?: number[][];
  at?: number;
  signature?: { values: number[]; bands: string[] };
  /** Add a parent chunk spanning the whole text (ordinal 0); leaves follow with parentIndex 0. */
  parent?: boolean;
  indexTexts?: string[];
  contexts?: string[];
}

/** A valid {@link DocumentWrite} whose chunk offsets point into the joined text. */
export function makeWrite(o: MakeWriteOptions): DocumentWrite {
  const text = o.paragraphs.join('\n\n');
  const chunks: ChunkDraft[] = [];
  if (o.parent) chunks.push({ text, start: 0, end: text.length, headingPath: ['Top'], tokenCount: 1, role: 'parent' });
  let start = 0;
  for (const p of o.paragraphs) {
    const draft: ChunkDraft = { text: p, start, end: start + p.length, headingPath: ['Top', o.id], tokenCount: p.split(/\s+/).length, role: 'leaf', pages: [1] };
    if (o.parent) draft.parentIndex = 0;
    chunks.push(draft);
    start += p.length + 2;
  }
  const leafVectors = o.vectors?.map((v) => Float32Array.from(v));
  const write: DocumentWrite = {
    document: { id: o.id, source: `src/${o.id}.md`, title: o.title ?? `Title ${o.id}`, text, format: 'markdown', metadata: o.metadata ?? {} },
    contentHash: sha256(text),
    chunks,
    at: o.at ?? 1_000,
  };
  if (o.collection) write.collection = o.collection;
  if (leafVectors) {
    write.vectors = o.parent ? [new Float32Array(0), ...leafVectors] : leafVectors;
    write.embeddingModel = 'test-embedder';
  }
  if (o.signature) write.signature = { values: Uint32Array.from(o.signature.values), bands: o.signature.bands };
  if (o.indexTexts) write.indexTexts = o.parent ? ['', ...o.indexTexts] : o.indexTexts;
  if (o.contexts) write.contexts = o.parent ? [undefined, ...o.contexts] : o.contexts;
  return write;
}

const keywordOnlyStores = new WeakSet<Store>();

/**
 * A keyword-only view of `store` (a backend without a vector index, e.g. Postgres without pgvector): writes lose
 * their vectors, and cases skip their vector assertions ({@link hasVectors}).
 */
export function keywordOnly(store: Store): Store {
  const view: Store = {
    ...store,
    commit: (o) => store.commit({ ...o, writes: o.writes.map(({ vectors: _v, embeddingModel: _m, ...w }) => w) }),
  };
  keywordOnlyStores.add(view);
  return view;
}

/** Whether `store` searches vectors (false for a {@link keywordOnly} view). */
export const hasVectors = (store: Store): boolean => !keywordOnlyStores.has(store);

/** Run `fn` with a fresh store and always close it. */
export async function withStore(create: () => Promise<Store>, fn: (store: Store) => Promise<void>): Promise<void> {
  const store = await create();
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

/** Collect an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Assert that `promise` rejects with a FathomError of `code`. */
export async function rejectsWithCode(promise: Promise<unknown>, code: string): Promise<void> {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  if (!error) throw new Error(`expected a ${code} error, but the call succeeded`);
  if ((error as { code?: string }).code !== code) throw new Error(`expected error code ${code}, got ${(error as { code?: string }).code}: ${String(error)}`);
}
