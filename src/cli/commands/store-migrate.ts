/**
 * Copy everything from one store to another through the Store contract (any pair: SQLite → Postgres, back, …):
 * per tenant, every document with its whole version history (versions committed in order, one commit per version round of a page of 200 documents, with its chunks,
 * contexts and the same index texts ingest builds), its access list, vectors of the current version, signatures
 * are not carried (near-duplicate detection re-learns them on the next ingest), the query log and meta values.
 * Resumable: a document already complete in the target (same version count and current hash) is skipped, a partial
 * one is deleted and copied again; log entries already present are skipped. Verified by counts and a checksum per
 * tenant computed on both sides from what the contract reads back.
 */
import type { ChunkDraft } from '../../spec/chunk.js';
import type { DocumentVersion } from '../../spec/document.js';
import type { DocumentWrite, Store } from '../../spec/store.js';
import { indexText } from '../../ingest/index.js';
import { FathomError } from '../../util/errors.js';
import { sha256 } from '../../util/hash.js';

/** Per-tenant outcome of {@link migrateStore}. */
export interface TenantMigration {
  tenant: string;
  documents: { copied: number; skipped: number };
  versions: number;
  chunks: number;
  vectors: number;
  queryLog: number;
  meta: number;
  counts: { source: { documents: number; versions: number; chunks: number }; target: { documents: number; versions: number; chunks: number } };
  checksum: { source: string; target: string };
  verified: boolean;
}

export interface MigrateStoreOptions {
  from: Store;
  to: Store;
  tenants: string[];
  /** Meta keys per tenant (the source's `listMetaKeys`, or read from its file). */
  metaKeys: (tenant: string) => Promise<string[]>;
  onProgress?: (event: { tenant: string; documents: number }) => void;
}

export async function migrateStore(o: MigrateStoreOptions): Promise<TenantMigration[]> {
  const out: TenantMigration[] = [];
  for (const tenant of o.tenants) out.push(await _tenant(o, tenant));
  return out;
}

async function _tenant(o: MigrateStoreOptions, tenant: string): Promise<TenantMigration> {
  const { from, to } = o;
  const r: TenantMigration = { tenant, documents: { copied: 0, skipped: 0 }, versions: 0, chunks: 0, vectors: 0, queryLog: 0, meta: 0, counts: undefined!, checksum: undefined!, verified: false };
  const dims = await _dims(from, tenant);
  for (let after: string | undefined; ; ) {
    const docs = await from.listDocuments({ tenant, limit: 200, ...(after ? { afterId: after } : {}) });
    if (docs.length === 0) break;
    // Round r commits the r-th version of every document of the page that has one, in one call: distinct ids, so
    // the target writes the round set-based (Postgres: a fixed number of statements per round, not per version).
    const rounds: DocumentWrite[][] = [];
    for (const doc of docs) {
      const existing = await to.getDocument({ tenant, id: doc.id });
      if (existing && existing.versionCount === doc.versionCount && existing.contentHash === doc.contentHash) {
        r.documents.skipped++;
        continue;
      }
      if (existing) await to.deleteDocuments({ tenant, ids: [doc.id] }); // a partial copy from an interrupted run
      const versions = (await from.listVersions({ tenant, documentId: doc.id })).reverse();
      for (const [i, v] of versions.entries()) {
        const current = v.id === doc.currentVersionId;
        const chunks = await from.listChunks({ tenant, documentId: doc.id, versionId: v.id });
        const write = await _write(from, tenant, doc.collection, doc.title, doc.source, doc.format, v, chunks, current && dims ? dims : undefined);
        if (current && doc.acl) write.acl = doc.acl;
        if (current && doc.modifiedAt !== undefined) write.document.modifiedAt = doc.modifiedAt;
        (rounds[i] ??= []).push(write);
        r.versions++;
        r.chunks += chunks.length;
        r.vectors += write.vectors?.filter((x) => x && x.length).length ?? 0;
      }
      r.documents.copied++;
    }
    for (const writes of rounds) await to.commit({ tenant, writes });
    after = docs[docs.length - 1]!.id;
    o.onProgress?.({ tenant, documents: r.documents.copied + r.documents.skipped });
  }
  const have = new Set((await to.listQueryLog({ tenant })).map((e) => `${e.id}\u0000${e.at}`));
  for (const entry of (await from.listQueryLog({ tenant })).reverse()) {
    if (have.has(`${entry.id}\u0000${entry.at}`)) continue;
    await to.appendQueryLog(entry);
    r.queryLog++;
  }
  for (const key of await o.metaKeys(tenant)) {
    const value = await from.getMeta({ tenant, key });
    if (value !== undefined) await to.setMeta({ tenant, key, value });
    r.meta++;
  }
  r.counts = { source: await from.countDocuments({ tenant }), target: await to.countDocuments({ tenant }) };
  r.checksum = { source: await storeChecksum(from, tenant), target: await storeChecksum(to, tenant) };
  r.verified = JSON.stringify(r.counts.source) === JSON.stringify(r.counts.target) && r.checksum.source === r.checksum.target;
  return r;
}

/** The tenant's vector dimensions (from the EMBEDDING_MISMATCH a 1-dimensional probe gets), or undefined without vectors. */
async function _dims(store: Store, tenant: string): Promise<number | undefined> {
  try {
    await store.searchVector({ tenant, vector: Float32Array.from([1]), topK: 1 });
    return undefined; // no vectors stored (or one dimension: not an embedding)
  } catch (error) {
    const e = error as { code?: string; details?: { expected?: number } };
    if (e.code === 'EMBEDDING_MISMATCH' && typeof e.details?.expected === 'number') return e.details.expected;
    if (e.code === 'VECTORS_UNAVAILABLE') return undefined;
    throw error;
  }
}

async function _write(from: Store, tenant: string, collection: string, title: string, source: string, format: DocumentWrite['document']['format'], v: DocumentVersion, chunks: Awaited<ReturnType<Store['listChunks']>>, dims: number | undefined): Promise<DocumentWrite> {
  const ordinal = new Map(chunks.map((c) => [c.id, c.ordinal]));
  const drafts: ChunkDraft[] = chunks.map((c) => ({
    text: c.text, start: c.start, end: c.end, headingPath: c.headingPath, tokenCount: c.tokenCount, role: c.role,
    ...(c.parentId !== undefined && ordinal.has(c.parentId) ? { parentIndex: ordinal.get(c.parentId)! } : {}),
    ...(c.pages ? { pages: c.pages } : {}),
  }));
  const write: DocumentWrite = {
    document: { id: v.documentId, source, title, text: v.text, format, metadata: v.metadata, ...(v.pages ? { pages: v.pages } : {}) },
    collection,
    contentHash: v.contentHash,
    chunks: drafts,
    indexTexts: chunks.map((c, i) => indexText({ title, draft: drafts[i]!, ...(c.context ? { context: c.context } : {}) })),
    contexts: chunks.map((c) => c.context),
    at: v.createdAt,
  };
  if (dims) {
    const leaves = chunks.filter((c) => c.role === 'leaf').length;
    const probe = Float32Array.from({ length: dims }, (_, i) => (i === 0 ? 1 : 0));
    const hits = await from.searchVector({ tenant, vector: probe, topK: Math.max(1, leaves), filter: { documentId: v.documentId }, includeVectors: true });
    const byId = new Map(hits.map((h) => [h.chunk.id, h.vector]));
    if (byId.size) {
      write.vectors = chunks.map((c) => byId.get(c.id) ?? new Float32Array(0));
      write.embeddingModel = 'migrated';
    }
  }
  return write;
}

/** A digest of a tenant as the contract reads it: documents, versions (hash, text length), chunks (text), ACLs, log ids. */
export async function storeChecksum(store: Store, tenant: string): Promise<string> {
  const lines: string[] = [];
  for (let after: string | undefined; ; ) {
    const docs = await store.listDocuments({ tenant, limit: 200, ...(after ? { afterId: after } : {}) });
    if (docs.length === 0) break;
    for (const d of docs) {
      lines.push(['doc', d.id, d.collection, d.source, d.title, d.contentHash, d.versionCount, JSON.stringify(d.metadata), JSON.stringify(d.acl ?? null)].join('\t'));
      for (const v of await store.listVersions({ tenant, documentId: d.id })) {
        const chunks = await store.listChunks({ tenant, documentId: d.id, versionId: v.id });
        lines.push(['version', v.version, v.status, v.contentHash, sha256(v.text), v.createdAt, sha256(chunks.map((c) => `${c.ordinal}|${c.role}|${c.start}|${c.end}|${c.text}|${c.context ?? ''}`).join('\n'))].join('\t'));
      }
    }
    after = docs[docs.length - 1]!.id;
  }
  for (const e of await store.listQueryLog({ tenant })) lines.push(['log', e.id, e.at].join('\t'));
  return sha256(lines.join('\n'));
}

/** Refuse a migration onto itself. */
export function assertDistinct(from: string, to: string): void {
  if (from === to) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--from and --to are the same store (${from}): name two different stores.` });
}
