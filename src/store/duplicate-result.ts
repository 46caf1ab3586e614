import type { CommitResult, DocumentWrite } from '../spec/store.js';

/** Options of {@link duplicateResult}. */
export interface DuplicateResultOptions {
  write: DocumentWrite;
  /** The document's current version when it already exists. */
  current: { versionId: string; version: number } | undefined;
  /** Another current document with the write's exact content hash. */
  exactOf: string | undefined;
  /** The most similar near duplicate (see {@link nearestDuplicate}), checked when there is no exact one. */
  near: { id: string; similarity: number } | undefined;
}

/** The `duplicate` result of a `skipIfDuplicate` write (nothing stored), or undefined when it duplicates nothing. */
export function duplicateResult({ write, current, exactOf, near }: DuplicateResultOptions): CommitResult['results'][number] | undefined {
  if (exactOf === undefined && !near) return undefined;
  const found = near ? { duplicateOf: near.id, similarity: near.similarity } : { duplicateOf: exactOf!, similarity: 1 };
  return { documentId: write.document.id, versionId: current?.versionId ?? '', version: current?.version ?? 0, status: 'duplicate', chunks: 0, ...found };
}
