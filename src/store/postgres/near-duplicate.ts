/**
 * `findNearDuplicate`: the near-duplicate check of a `skipIfDuplicate` write with a `nearDuplicateThreshold`, run on
 * the commit's connection under the tenant advisory lock (so it sees the batch's own earlier writes and no
 * concurrent writer can store a near-identical text meanwhile). Same rule as the SQLite backend: another document
 * of the tenant sharing an LSH band, estimated Jaccard at or over the threshold; the most similar wins.
 */
import type { DocumentWrite } from '../../spec/store.js';
import { nearestDuplicate } from '../nearest-duplicate.js';
import type { PgContext, Queryable } from './context.js';

export async function findNearDuplicate(ctx: PgContext, c: Queryable, tenantId: number, write: DocumentWrite): Promise<{ id: string; similarity: number } | undefined> {
  const threshold = write.nearDuplicateThreshold;
  if (threshold === undefined || !write.signature || write.signature.bands.length === 0) return undefined;
  const rows = await ctx.query<{ id: string; signature: Buffer }>(
    `SELECT d.id, s.signature FROM {documents} d JOIN {signatures} s ON s.document_row = d.row
     WHERE d.row IN (SELECT document_row FROM {signature_bands} WHERE tenant_id = $1 AND band = ANY($2::text[])) AND d.id <> $3 ORDER BY d.id`,
    [tenantId, write.signature.bands, write.document.id],
    c,
  );
  return nearestDuplicate(write, rows.map((r) => {
    const signature = new Uint32Array(r.signature.byteLength / 4);
    new Uint8Array(signature.buffer).set(r.signature);
    return { id: r.id, signature };
  }));
}
