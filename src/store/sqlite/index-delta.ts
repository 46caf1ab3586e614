/**
 * The committed change to a tenant's searchable rows, captured inside the write transaction so this process
 * can update its in-memory indexes instead of rebuilding them (writes by other processes still rebuild or
 * reconcile, detected by the tenant generation).
 */
import type { SqliteContext } from './context.js';
import { addPostings, removePostings } from './keyword-postings.js';
import type { KeywordRow } from './keyword-postings.js';

export type { KeywordRow };

/** A stored vector (as written, not normalised). */
export interface VectorRow {
  chunkRowid: number;
  documentRowid: number;
  vector: Float32Array;
}

/** What one transaction changed for one tenant. */
export interface IndexDelta {
  tenantId: number;
  /** The tenant generation before the transaction; the transaction left it at `from + 1`. */
  from: number;
  addedTerms: KeywordRow[];
  removedTerms: KeywordRow[];
  addedVectors: VectorRow[];
  removedVectors: number[];
  /** How many of `addedTerms` are already in the on-disk postings (the rest are written by {@link writeAddedTerms}). */
  termsWritten: number;
}

/** An empty delta for `tenantId`, starting at its current generation (call inside the transaction). */
export function startDelta(ctx: SqliteContext, tenantId: number): IndexDelta {
  return { tenantId, from: ctx.generation(tenantId), addedTerms: [], removedTerms: [], addedVectors: [], removedVectors: [], termsWritten: 0 };
}

/**
 * Record the keyword rows and vectors matching `where` (over `keyword_terms` / `vectors`) as removed, before deleting
 * them, and remove those chunks from the on-disk postings (so every delete path that captures its delta keeps the
 * postings exact in its own transaction).
 */
export function captureRemoved(ctx: SqliteContext, delta: IndexDelta, where: 'document' | 'version', rowid: number): void {
  const condition = where === 'document' ? 'document_rowid = ?' : 'chunk_rowid IN (SELECT rowid FROM chunks WHERE version_rowid = ?)';
  const terms = ctx
    .stmt(`SELECT chunk_rowid AS chunkRowid, document_rowid AS documentRowid, length, terms FROM keyword_terms WHERE ${condition}`)
    .all(rowid) as KeywordRow[];
  delta.removedTerms.push(...terms);
  const firstPending = delta.addedTerms[delta.termsWritten]?.chunkRowid;
  if (firstPending !== undefined && terms.some((t) => t.chunkRowid >= firstPending)) writeAddedTerms(ctx, delta);
  removePostings(ctx, delta.tenantId, terms);
  const vectors = ctx.stmt(`SELECT chunk_rowid FROM vectors WHERE ${condition}`).pluck().all(rowid) as number[];
  delta.removedVectors.push(...vectors);
}

/** Write the delta's keyword rows not yet in the postings (call inside the transaction, before it commits). */
export function writeAddedTerms(ctx: SqliteContext, delta: IndexDelta): void {
  addPostings(ctx, delta.tenantId, delta.addedTerms.slice(delta.termsWritten));
  delta.termsWritten = delta.addedTerms.length;
}
