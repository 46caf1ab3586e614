// One cold process: open the SQLite store and run one vector search, timing each (bench/cold-query.ts).
// Usage: node [--import tsx] bench/_vector-probe.mjs <store module> <store.db> <dims>   — prints JSON.
const [module, path, dims] = process.argv.slice(2);
const t0 = performance.now();
const { createSqliteStore } = await import(module);
const t1 = performance.now();
const store = await createSqliteStore({ path });
const t2 = performance.now();
const q = new Float32Array(Number(dims)).map((_, i) => Math.sin(i + 1));
const hits = await store.searchVector({ tenant: 'default', vector: q, topK: 10 });
const t3 = performance.now();
await store.close();
console.log(JSON.stringify({ importMs: t1 - t0, openMs: t2 - t1, firstSearchMs: t3 - t2, hits: hits.length, rssMb: process.memoryUsage().rss / 2 ** 20 }));
