/**
 * The right to be forgotten: delete documents from the store (versions, chunks, vectors, keyword entries,
 * signatures, cached contexts; audit entries that retrieved or cited them are redacted), redact the evaluation
 * runs and cache that quote them, and return a receipt naming every place, with counts, plus the copies fathom
 * does not manage (source files, golden sets, recorded exports) that may still hold the text.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DeletionReceipt, ErasedPlace, Store, UnmanagedCopy } from '../../spec/store.js';
import { _redactEvalArtifacts } from './_redact-eval-artifacts.js';
import { _redactStoredEvalRuns } from './_redact-stored-eval-runs.js';
import { _unmanagedExports } from './_unmanaged-copies.js';
import { listExports } from './record-export.js';

export interface ForgetDocumentsOptions {
  store: Store;
  tenant: string;
  ids: string[];
  /** fathom's data directory (the store's folder, `.fathom`): its `runs/eval-*.json` and `cache/eval/` are redacted. Omitted: the store only. */
  dataDir?: string;
  /** Directory document sources are relative to: source files that still exist are listed as not managed. Omitted: not checked. */
  sourceRoot?: string;
  _internal?: { now?: () => number };
}

export async function forgetDocuments(options: ForgetDocumentsOptions): Promise<DeletionReceipt> {
  const { store, tenant, ids, dataDir, sourceRoot, _internal = {} } = options;
  const at = (_internal.now ?? Date.now)();
  const unique = [...new Set(ids)];
  const sources: string[] = [];
  const chunkIds: string[] = [];
  for (const id of unique) {
    const doc = await store.getDocument({ tenant, id });
    if (!doc) continue;
    sources.push(doc.source);
    for (const v of await store.listVersions({ tenant, documentId: id })) chunkIds.push(...(await store.listChunks({ tenant, documentId: id, versionId: v.id })).map((c) => c.id));
  }
  const result = await store.deleteDocuments({ tenant, ids: unique });
  const places: ErasedPlace[] = [];
  if (result.deleted.length) {
    places.push({ place: 'store', path: store.location, action: 'removed', count: result.deleted.length, what: `${result.deleted.length} documents: ${result.versions} versions, ${result.chunks} chunks with their vectors, keyword-index entries and signatures` });
  }
  if (result.cachedContexts) places.push({ place: 'context-cache', path: store.location, action: 'removed', count: result.cachedContexts, what: `${result.cachedContexts} contextual-retrieval contexts` });
  if (result.auditEntriesRedacted) places.push({ place: 'audit-log', path: store.location, action: 'redacted', count: result.auditEntriesRedacted, what: `${result.auditEntriesRedacted} audit entries that retrieved or cited them (query, answer, citations, prompt)` });
  for (const file of result.sideFiles ?? []) places.push({ place: 'side-file', path: file, action: 'rewritten', count: 1, what: 'vector index file rewritten without the deleted vectors' });
  const redaction = { reason: 'document-deleted' as const, at, documentIds: unique };
  if (result.deleted.length) places.push(...(await _redactStoredEvalRuns({ store, tenant, target: { documentIds: new Set(unique), chunkIds: new Set(chunkIds) }, redaction })));
  const notManaged: UnmanagedCopy[] = [];
  if (dataDir) {
    const evals = _redactEvalArtifacts({ dataDir, documentIds: unique, chunkIds, redaction });
    places.push(...evals.places);
    notManaged.push(...evals.notManaged);
  }
  if (sourceRoot) {
    for (const s of new Set(sources)) {
      const path = resolve(sourceRoot, s);
      if (existsSync(path)) notManaged.push({ path, kind: 'source-file', note: 'the source file you ingested still exists: fathom never deletes your files (re-ingesting it stores it again)' });
    }
  }
  notManaged.push(..._unmanagedExports(await listExports({ store, tenant }), [...unique, ...chunkIds]));
  const erasure = result.erasure ?? { status: 'not-applicable' as const, attempts: 0, message: `The ${store.provider} store manages its own storage.` };
  const counts = { versions: result.versions, chunks: result.chunks, auditEntriesRedacted: result.auditEntriesRedacted ?? 0, cachedContexts: result.cachedContexts ?? 0 };
  return { tenant, at, deleted: result.deleted, missing: result.missing, counts, places, erasure, notManaged: [...new Map(notManaged.map((c) => [c.path, c])).values()] };
}
