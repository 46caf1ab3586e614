/**
 * The keyword-index and vector rows of a commit, collected per chunk (`pendIndexRows`) and inserted with one
 * multi-row statement per table for the whole commit (`flushIndexRows`), not per document or per posting.
 */
import type { DocumentWrite } from '../../spec/store.js';
import { analyze } from '../../util/text/analyzer.js';
import { luceneLength } from '../sqlite/keyword-index.js';
import type { PgContext, Queryable } from './context.js';

/** Index rows waiting for {@link flushIndexRows}, column by column. */
export interface PendingIndexRows {
  k: { chunk: string[]; doc: string[]; length: number[]; text: Array<string | null> };
  p: { term: string[]; chunk: string[]; doc: string[]; tf: number[]; dl: number[] };
  x: { chunk: string[]; doc: string[]; model: Array<string | null>; vector: string[]; dims: number[] };
}

export const createPendingIndexRows = (): PendingIndexRows => ({ k: { chunk: [], doc: [], length: [], text: [] }, p: { term: [], chunk: [], doc: [], tf: [], dl: [] }, x: { chunk: [], doc: [], model: [], vector: [], dims: [] } });

/**
 * Analyse the write's leaf chunks (rows `chunkRows[i]`) into pending keyword rows and vectors; counts go to `stats`.
 * `keepText`: also keep each chunk's index text (the pg_textsearch keyword mode).
 */
export function pendIndexRows(write: DocumentWrite, chunkRows: ArrayLike<string>, documentRow: string, stats: { chunks: number; length: number }, pending: PendingIndexRows, keepText = false): void {
  const { k, p, x } = pending;
  write.chunks.forEach((d, i) => {
    if (d.role !== 'leaf') return;
    const chunk = chunkRows[i]!;
    const indexText = write.indexTexts?.[i] ?? d.text;
    const terms = analyze(indexText);
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    k.chunk.push(chunk);
    k.doc.push(documentRow);
    k.length.push(terms.length);
    k.text.push(keepText ? indexText : null);
    stats.chunks += 1;
    stats.length += terms.length;
    const dl = luceneLength(terms.length);
    for (const [term, tf] of counts) {
      p.term.push(term);
      p.chunk.push(chunk);
      p.doc.push(documentRow);
      p.tf.push(tf);
      p.dl.push(dl);
    }
    const vector = write.vectors?.[i];
    if (vector && vector.length > 0) {
      x.chunk.push(chunk);
      x.doc.push(documentRow);
      x.model.push(write.embeddingModel ?? null);
      x.vector.push(`[${Array.from(vector).join(',')}]`);
      x.dims.push(vector.length);
    }
  });
}

/** Insert the pending index rows: one statement per table, then reset `pending`. */
export async function flushIndexRows(ctx: PgContext, c: Queryable, tenantId: number, pending: PendingIndexRows): Promise<void> {
  const { k, p, x } = pending;
  if (k.chunk.length) {
    await ctx.query('INSERT INTO {keyword_docs} (chunk_row, tenant_id, document_row, length, index_text) SELECT u.c, $1, u.d, u.l, u.t FROM unnest($2::bigint[], $3::bigint[], $4::int[], $5::text[]) AS u(c, d, l, t)', [tenantId, k.chunk, k.doc, k.length, k.text], c);
  }
  if (p.term.length) {
    await ctx.query(
      'INSERT INTO {postings} (tenant_id, term, chunk_row, document_row, tf, dl) SELECT $1, u.t, u.c, u.d, u.f, u.l FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::int[], $6::int[]) AS u(t, c, d, f, l)',
      [tenantId, p.term, p.chunk, p.doc, p.tf, p.dl],
      c,
    );
  }
  if (x.chunk.length) {
    await ctx.query(
      'INSERT INTO {vectors} (chunk_row, tenant_id, document_row, model, dims, embedding) SELECT u.c, $1, u.d, u.m, u.n, u.v::vector FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::int[]) AS u(c, d, m, v, n)',
      [tenantId, x.chunk, x.doc, x.model, x.vector, x.dims],
      c,
    );
  }
  Object.assign(pending, createPendingIndexRows());
}

/** Remove chunks of the versions `versionRows` from the keyword index and vectors; subtracts what left from `stats`. */
export async function unindexVersions(ctx: PgContext, c: Queryable, versionRows: string[], stats: { chunks: number; length: number }): Promise<void> {
  if (versionRows.length === 0) return;
  const [gone] = await ctx.query<{ n: number; length: number }>(
    'WITH d AS (DELETE FROM {keyword_docs} WHERE chunk_row IN (SELECT row FROM {chunks} WHERE version_row = ANY($1::bigint[])) RETURNING length) SELECT count(*)::int AS n, coalesce(sum(length), 0)::float8 AS length FROM d',
    [versionRows],
    c,
  );
  stats.chunks -= gone!.n;
  stats.length -= gone!.length;
  await ctx.query('DELETE FROM {postings} WHERE chunk_row IN (SELECT row FROM {chunks} WHERE version_row = ANY($1::bigint[]))', [versionRows], c);
  if (ctx.vectors) await ctx.query('DELETE FROM {vectors} WHERE chunk_row IN (SELECT row FROM {chunks} WHERE version_row = ANY($1::bigint[]))', [versionRows], c);
}
