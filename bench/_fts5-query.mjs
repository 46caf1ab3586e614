// The floor a user could pick instead: SQLite FTS5 answering one query from a cold process (bench/cold-query.ts).
// Usage: node bench/_fts5-query.mjs <fts5.db> <query> <k>
import Database from 'better-sqlite3';

const [file, query, k] = process.argv.slice(2);
const db = new Database(file, { readonly: true });
const terms = (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((t) => `"${t}"`).join(' OR ');
const rows = db.prepare('SELECT id, bm25(docs) AS score FROM docs WHERE docs MATCH ? ORDER BY score LIMIT ?').all(terms, Number(k));
for (const r of rows) process.stdout.write(`${r.id}\t${r.score}\n`);
db.close();
