/**
 * A separate ingest process for the Postgres concurrency test: commits documents `first`…`first+count-1` in
 * batches, printing `committing <n>` before and `committed <n>` after each batch (the test kills it mid-batch).
 * Usage: node --import tsx ingest-worker.ts <url> <schema> <tenant> <first> <count> <batch>
 */
import { createPostgresStore } from '../../../store/postgres/index.js';
import { concurrencyDoc } from './concurrency-docs.js';

const [url, schema, tenant, first, count, batch] = process.argv.slice(2);
const store = await createPostgresStore({ connectionString: url!, schema: schema!, maxConnections: 2 });
const end = Number(first) + Number(count);
for (let i = Number(first), n = 0; i < end; i += Number(batch), n++) {
  const writes = [];
  for (let j = i; j < Math.min(end, i + Number(batch)); j++) writes.push(concurrencyDoc(j));
  process.stdout.write(`committing ${n}\n`);
  await store.commit({ tenant: tenant!, writes });
  process.stdout.write(`committed ${n}\n`);
}
await store.close();
process.stdout.write('done\n');
