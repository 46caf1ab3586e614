import type { LineageRecord } from '../spec/monitor.js';
import type { Store } from '../spec/store.js';
import { collectDocumentIds } from '../util/collect-document-ids.js';
import { readLineage } from './lineage-registry.js';

/** Everything derived from a document: audit entries that retrieved or cited it (and how many were scored or got feedback), and the artefacts in the lineage registry. */
export interface DocumentLineage {
  documentId: string;
  /** The document's current version, when it still exists. */
  versionId?: string;
  auditEntries: Array<{ id: string; at: number; scored: boolean; feedback: number; redacted: boolean }>;
  artefacts: LineageRecord[];
}

/** Options of {@link lineageOfDocument}. */
export interface LineageOfDocumentOptions {
  store: Store;
  tenant: string;
  documentId: string;
  /** fathom's data directory (the lineage registry). */
  dataDir: string;
}

export async function lineageOfDocument({ store, tenant, documentId, dataDir }: LineageOfDocumentOptions): Promise<DocumentLineage> {
  const doc = await store.getDocument({ tenant, id: documentId });
  const auditEntries = (await store.listQueryLog({ tenant }))
    .filter((e) => collectDocumentIds(e).has(documentId))
    .map((e) => ({ id: e.id, at: e.at, scored: Boolean(e.online), feedback: e.feedback?.length ?? 0, redacted: Boolean(e.redacted) }));
  const artefacts = readLineage({ dataDir, tenant }).filter((r) => r.documents.some((d) => d.documentId === documentId));
  return { documentId, ...(doc ? { versionId: doc.currentVersionId } : {}), auditEntries, artefacts };
}

/** Ids of the audit entries that retrieved or cited any of the documents. */
export async function entriesTouching({ store, tenant, documentIds }: { store: Store; tenant: string; documentIds: readonly string[] }): Promise<string[]> {
  const ids = new Set(documentIds);
  return (await store.listQueryLog({ tenant })).filter((e) => [...collectDocumentIds(e)].some((d) => ids.has(d))).map((e) => e.id);
}
