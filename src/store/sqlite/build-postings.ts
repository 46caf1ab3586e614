/** `buildPostings`: fill the on-disk postings and statistics of every tenant from `keyword_terms` (migration v3). */
import type Database from 'better-sqlite3';
import type { KeywordRow } from './index-delta.js';
import { writeBlocks } from './keyword-postings.js';

/** Rows per appended batch: bounds memory on large stores. */
const batchRows = 20_000;

/** Build the postings of every tenant from `keyword_terms`, all merged (inside the caller's transaction). */
export function buildPostings(db: Database.Database): void {
  const statements = new Map<string, Database.Statement>();
  const ctx = {
    stmt: (sql: string) => {
      let s = statements.get(sql);
      if (!s) statements.set(sql, (s = db.prepare(sql)));
      return s;
    },
  };
  const select = db.prepare(
    'SELECT chunk_rowid AS chunkRowid, document_rowid AS documentRowid, length, terms FROM keyword_terms WHERE tenant_id = ? AND chunk_rowid > ? ORDER BY chunk_rowid LIMIT ?',
  );
  for (const tenantId of db.prepare('SELECT id FROM tenants ORDER BY id').pluck().all() as number[]) {
    let chunks = 0;
    let totalLength = 0;
    let after = 0;
    for (;;) {
      const rows = select.all(tenantId, after, batchRows) as KeywordRow[];
      if (rows.length === 0) break;
      writeBlocks(ctx, tenantId, rows);
      chunks += rows.length;
      for (const r of rows) totalLength += r.length;
      after = rows[rows.length - 1]!.chunkRowid;
    }
    db.prepare('INSERT INTO keyword_collection (tenant_id, chunks, total_length, merged_through, pending) VALUES (?, ?, ?, ?, 0)').run(tenantId, chunks, totalLength, after);
  }
}
