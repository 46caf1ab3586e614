import type { Document } from '../spec/document.js';
import type { ReadinessFinding, ReadinessReport, ReadinessSeverity } from '../spec/readiness.js';
import type { Store } from '../spec/store.js';
import { collectDocumentIds } from '../util/collect-document-ids.js';
import { estimateJaccard, lshBands, minhashSignature } from '../util/text/minhash.js';
import { findConflicts } from './find-conflicts.js';

/** Options of {@link auditReadiness}. */
export interface AuditReadinessOptions {
  store: Store;
  tenant: string;
  /** Documents older than this (source modification time, else last ingest) are stale. @default 365 */
  maxAgeDays?: number;
  /** Per-collection freshness overrides (days). */
  collections?: Record<string, number>;
  /** Metadata fields naming an owner; a document with none is `no-owner`. @default ['owner', 'author', 'maintainer'] */
  ownerFields?: string[];
  /** Estimated Jaccard similarity (word 5-gram MinHash) at which two documents are near duplicates. @default 0.8 */
  nearDuplicate?: number;
  /** Fewer characters than this: `empty`. @default 20 */
  minChars?: number;
  /** More characters than this: `oversized`. @default 2_000_000 */
  maxChars?: number;
  _internal?: { now?: () => number };
}

const _DAY = 86_400_000;
const _order: Record<ReadinessSeverity, number> = { info: 0, warning: 1, error: 2 };
export const severityAtLeast = (s: ReadinessSeverity, min: ReadinessSeverity): boolean => _order[s] >= _order[min];

/**
 * The data-readiness audit of a tenant's stored corpus: stale documents, exact and near-duplicate clusters,
 * conflicting numbers or dates across documents, documents without an owner, extraction warnings from ingest,
 * documents never retrieved in the audit log, and empty or oversized documents.
 */
export async function auditReadiness(options: AuditReadinessOptions): Promise<ReadinessReport> {
  const { store, tenant, maxAgeDays = 365, collections = {}, ownerFields = ['owner', 'author', 'maintainer'], nearDuplicate = 0.8, minChars = 20, maxChars = 2_000_000, _internal = {} } = options;
  const now = (_internal.now ?? Date.now)();
  const docs: Array<{ doc: Document; text: string }> = [];
  for (let after: string | undefined; ;) {
    const page = await store.listDocuments({ tenant, limit: 500, afterId: after });
    for (const doc of page) docs.push({ doc, text: (await store.listVersions({ tenant, documentId: doc.id })).find((v) => v.id === doc.currentVersionId)?.text ?? '' });
    if (page.length < 500) break;
    after = page.at(-1)!.id;
  }
  const findings: ReadinessFinding[] = [];
  const log = await store.listQueryLog({ tenant });
  const retrieved = new Set(log.flatMap((e) => [...collectDocumentIds(e)]));
  for (const { doc, text } of docs) {
    const limit = collections[doc.collection] ?? maxAgeDays;
    const age = (now - (doc.modifiedAt ?? doc.updatedAt)) / _DAY;
    if (age > limit) findings.push({ type: 'stale', severity: 'warning', documents: [doc.id], message: `${doc.id} is ${Math.floor(age)} days old (freshness rule ${limit} days for collection ${doc.collection}): re-ingest a current version or retire it.`, details: { ageDays: Math.floor(age), maxAgeDays: limit } });
    if (!ownerFields.some((f) => typeof doc.metadata[f] === 'string' && (doc.metadata[f] as string).trim())) findings.push({ type: 'no-owner', severity: 'warning', documents: [doc.id], message: `${doc.id} has no owner (${ownerFields.join(', ')}): assign one (front matter or metadata) so someone keeps it current.` });
    const warnings = doc.metadata.extractionWarnings;
    if (Array.isArray(warnings) && warnings.length) findings.push({ type: 'extraction-warning', severity: 'warning', documents: [doc.id], message: `${doc.id}: ${warnings.length} extraction warning(s), e.g. ${String(warnings[0])}. Check it with \`fathom inspect\`.`, details: { warnings } });
    if (text.trim().length < minChars) findings.push({ type: 'empty', severity: 'error', documents: [doc.id], message: `${doc.id} holds ${text.trim().length} characters of text: fix its extraction or remove it.` });
    else if (text.length > maxChars) findings.push({ type: 'oversized', severity: 'warning', documents: [doc.id], message: `${doc.id} holds ${text.length} characters (over ${maxChars}): split it so retrieval can tell its parts apart.` });
    if (log.length && !retrieved.has(doc.id)) findings.push({ type: 'never-retrieved', severity: 'info', documents: [doc.id], message: `${doc.id} was never retrieved in ${log.length} logged queries: check it is needed, or that its wording matches how users ask.` });
  }
  findings.push(..._duplicates(docs, nearDuplicate), ...findConflicts(docs.map(({ doc, text }) => ({ documentId: doc.id, text }))));
  const counts: ReadinessReport['counts'] = { byType: {}, bySeverity: {} };
  for (const f of findings) {
    counts.byType[f.type] = (counts.byType[f.type] ?? 0) + 1;
    counts.bySeverity[f.severity] = (counts.bySeverity[f.severity] ?? 0) + 1;
  }
  return { tenant, at: now, documents: docs.length, findings, counts };
}

/** Exact clusters by content hash; near-duplicate pairs by MinHash with LSH candidates. */
function _duplicates(docs: ReadonlyArray<{ doc: Document; text: string }>, threshold: number): ReadinessFinding[] {
  const out: ReadinessFinding[] = [];
  const byHash = new Map<string, string[]>();
  for (const { doc } of docs) byHash.set(doc.contentHash, [...(byHash.get(doc.contentHash) ?? []), doc.id]);
  const exact = new Set<string>();
  for (const ids of byHash.values()) {
    if (ids.length < 2) continue;
    ids.forEach((id) => exact.add(id));
    out.push({ type: 'duplicate', severity: 'warning', documents: ids, message: `${ids.length} documents have the same text (${ids.join(', ')}): keep one.` });
  }
  const sigs = docs.filter(({ doc, text }) => !exact.has(doc.id) && text.length > 0).map(({ doc, text }) => ({ id: doc.id, sig: minhashSignature(text) }));
  const buckets = new Map<string, number[]>();
  sigs.forEach((s, i) => lshBands(s.sig).forEach((b) => buckets.set(b, [...(buckets.get(b) ?? []), i])));
  const seen = new Set<string>();
  for (const members of buckets.values()) {
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const [x, y] = [sigs[members[a]!]!, sigs[members[b]!]!];
        const key = `${x.id}\t${y.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const j = estimateJaccard(x.sig, y.sig);
        if (j >= threshold) out.push({ type: 'near-duplicate', severity: 'warning', documents: [x.id, y.id], message: `${x.id} and ${y.id} are near duplicates (similarity ${j.toFixed(2)}): keep the current one, version or retire the other.`, details: { similarity: j } });
      }
    }
  }
  return out;
}
