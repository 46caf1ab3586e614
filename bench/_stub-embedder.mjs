// A stand-in OpenAI-compatible embeddings endpoint for bench/cold-query.ts: POST /v1/embeddings answers each input
// with a deterministic unit vector seeded by a hash of its text (no model, so the timing is the CLI's own).
// Usage: node bench/_stub-embedder.mjs <dims>   — prints the port on its first line.
import { createServer } from 'node:http';

const dims = Number(process.argv[2] ?? 384);
const vectorOf = (text) => {
  let s = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) s = Math.imul(s ^ text.charCodeAt(i), 0x01000193) >>> 0;
  const v = new Array(dims);
  let norm = 0;
  for (let i = 0; i < dims; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    v[i] = s / 4294967296 - 0.5;
    norm += v[i] * v[i];
  }
  return v.map((x) => x / Math.sqrt(norm));
};
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const { input } = JSON.parse(body);
    const data = (Array.isArray(input) ? input : [input]).map((text, index) => ({ object: 'embedding', index, embedding: vectorOf(text) }));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ object: 'list', data, usage: { prompt_tokens: 1, total_tokens: 1 } }));
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
