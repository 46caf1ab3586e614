import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { DeletionReceipt, ErasedPlace } from '../spec/store.js';
import type { LineageRecord } from '../spec/monitor.js';
import { sha256 } from '../util/hash.js';
import { readLineage, rewriteLineage } from './lineage-registry.js';

/** Options of {@link reachDerived}. */
export interface ReachDerivedOptions {
  dataDir: string;
  tenant: string;
  /** Deleted documents. */
  documentIds: readonly string[];
  /** Audit entries that retrieved or cited them (their proposals may quote the document without citing it). */
  auditEntryIds?: readonly string[];
  /** Remove the derived lines from the files fathom wrote (`docs delete --purge`). @default false */
  purge?: boolean;
}

const _place: Record<LineageRecord['kind'], ErasedPlace['place']> = { 'review-item': 'review-file', 'golden-item': 'golden-set', 'training-example': 'training-set' };

/**
 * The derived artefacts of deleted documents, by lineage: listed per file, and with `purge` removed from the files
 * fathom wrote (a line is found by its id, or by the hash recorded when it was written) and from the registry.
 */
export function reachDerived({ dataDir, tenant, documentIds, auditEntryIds = [], purge = false }: ReachDerivedOptions): Pick<DeletionReceipt, 'places'> & { derived: NonNullable<DeletionReceipt['derived']> } {
  const docs = new Set(documentIds);
  const entries = new Set(auditEntryIds);
  const hit = (r: LineageRecord) => r.tenant === tenant && (r.documents.some((d) => docs.has(d.documentId)) || r.auditEntries.some((e) => entries.has(e)));
  const affected = readLineage({ dataDir, tenant }).filter(hit);
  const byFile = new Map<string, LineageRecord[]>();
  for (const r of affected) byFile.set(r.path, [...(byFile.get(r.path) ?? []), r]);
  const places: ErasedPlace[] = [];
  const derived: NonNullable<DeletionReceipt['derived']> = [];
  for (const [path, records] of byFile) {
    const kind = records[0]!.kind;
    if (!purge) {
      derived.push({ kind, path, count: records.length, purged: false });
      continue;
    }
    const removed = existsSync(path) ? _removeLines(path, records) : 0;
    derived.push({ kind, path, count: removed, purged: true });
    if (removed) places.push({ place: _place[kind], path, action: 'removed', count: removed, what: `${removed} ${kind}s derived from the documents` });
  }
  if (purge && affected.length) {
    const gone = new Set(affected);
    const n = rewriteLineage({ dataDir, keep: (r) => !gone.has(r) && !(hit(r)) });
    places.push({ place: 'lineage', path: `${dataDir}/lineage.jsonl`, action: 'removed', count: n, what: `${n} lineage records of the removed items` });
  }
  return { places, derived };
}

function _removeLines(path: string, records: LineageRecord[]): number {
  const ids = new Set(records.map((r) => r.id));
  const hashes = new Set(records.map((r) => r.lineHash).filter(Boolean));
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0);
  const keep = lines.filter((line) => {
    if (hashes.has(sha256(line))) return false;
    try {
      const o = JSON.parse(line) as { id?: unknown; itemId?: unknown };
      return !(ids.has(String(o.id)) || ids.has(String(o.itemId)));
    } catch {
      return true;
    }
  });
  if (keep.length === lines.length) return 0;
  if (keep.length === 0) rmSync(path, { force: true });
  else {
    writeFileSync(`${path}.tmp-${process.pid}`, keep.map((l) => `${l}\n`).join(''));
    renameSync(`${path}.tmp-${process.pid}`, path);
  }
  return lines.length - keep.length;
}
