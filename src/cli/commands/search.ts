import { defineCommand } from 'citty';
import { retrieve, retrieveHits } from '../../retrieve/retrieve.js';
import type { Hit } from '../../spec/hit.js';
import type { FusionOptions, RetrievalMode, RetrieveResult } from '../../spec/retrieve.js';
import { FathomError } from '../../util/errors.js';
import { buildEmbedder, buildReranker } from '../build.js';
import { commonArgs } from '../common-args.js';
import { cliContext, withStore } from '../context.js';
import { emit } from '../io.js';
import { parseFilter } from '../parse-filter.js';
import { parsePrincipal, principalArgs } from '../principal-args.js';
import { repeated } from '../repeated.js';
import { checkQuery } from '../check-query.js';
import { rules } from '../options/option-schema.js';
import { sufficiencyOptions } from '../sufficiency-options.js';

export const searchCommand = defineCommand({
  meta: { name: 'search', description: 'Search the indexed chunks: BM25, vector or hybrid, with optional reranking and MMR' },
  args: {
    ...commonArgs,
    query: { type: 'positional', description: 'What to search for', required: true },
    k: { type: 'string', schema: rules.topK, alias: 'k', description: 'Number of results (default: config search.topK)', valueHint: 'n' },
    mode: { type: 'string', schema: rules.retrievalMode, description: 'bm25 | vector | hybrid (default: config search.mode; vector and hybrid need an embedding model)', valueHint: 'mode' },
    fusion: { type: 'string', schema: { enum: ['rrf', 'convex'] }, description: 'Hybrid fusion: rrf (default) | convex', valueHint: 'method' },
    'rrf-k': { type: 'string', schema: { type: 'number', minimum: 0, maximum: 1_000_000 }, description: 'RRF rank constant (default 60)', valueHint: 'n' },
    alpha: { type: 'string', schema: rules.unitInterval, description: 'Convex fusion: weight of the vector score in [0,1] (default 0.5)', valueHint: 'x' },
    normalization: { type: 'string', schema: { enum: ['minmax', 'zscore'] }, description: 'Convex fusion: minmax (default) | zscore', valueHint: 'method' },
    rerank: { type: 'boolean', description: 'Rerank the top candidates with the configured reranker' },
    mmr: { type: 'boolean', description: 'Diversify results with maximal marginal relevance (needs an embedding model)' },
    lambda: { type: 'string', schema: rules.unitInterval, description: 'MMR trade-off between relevance (1) and diversity (0), default 0.7', valueHint: 'x' },
    parent: { type: 'boolean', description: 'Return parent chunks of matched children (hierarchical chunking)' },
    'half-life-days': { type: 'string', schema: { type: 'number', exclusiveMinimum: 0, maximum: 1_000_000 }, description: 'Recency weighting: score halves every n days of age', valueHint: 'n' },
    filter: { type: 'string', description: 'key=value, key>=n, key=a|b … (repeatable)', valueHint: 'expr' },
    explain: { type: 'boolean', description: 'Print every stage score and rank, the stage timings, and the sufficiency score with its features' },
    'min-sufficiency': { type: 'string', schema: rules.unitInterval, description: 'With --explain: the abstention threshold to compare the sufficiency score with (default: config answer.minSufficiency)', valueHint: 'x' },
    hops: { type: 'string', schema: { type: 'integer', minimum: 1, maximum: 2 }, description: 'Retrieval hops: 2 adds a second query from the bridge entities the first hop\'s passages name (default 1)', valueHint: 'n' },
    ...principalArgs,
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const a = ctx.args;
    const query = checkQuery(String(a.query), { maxChars: c.config.search.maxQueryChars });
    const topK = a.k === undefined ? c.config.search.topK : Number(a.k);
    const embedder = await buildEmbedder(c.config, c.io);
    const mode = (a.mode as RetrievalMode | undefined) ?? (embedder ? c.config.search.mode : 'bm25');
    if (!['bm25', 'vector', 'hybrid'].includes(mode)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--mode must be bm25, vector or hybrid, got "${mode}".` });
    if (mode !== 'bm25' && !embedder) throw new FathomError({ code: 'INVALID_CONFIG', message: `--mode ${mode} needs an embedding model: set "embedding" in fathom.config.json and re-ingest.` });
    if (a.mmr && !embedder) throw new FathomError({ code: 'INVALID_CONFIG', message: '--mmr compares chunk embeddings: set "embedding" in fathom.config.json and re-ingest.' });
    const reranker = a.rerank ? await buildReranker(c.config, c.io) : undefined;
    const fusion: FusionOptions = a.fusion === 'convex'
      ? { method: 'convex', alpha: numberArg(a.alpha, 'alpha'), normalization: (a.normalization as 'minmax' | 'zscore' | undefined) ?? 'minmax' }
      : { method: 'rrf', k: numberArg(a['rrf-k'], 'rrf-k') };
    const halfLife = numberArg(a['half-life-days'], 'half-life-days');
    const sufficiency = sufficiencyOptions(c.config, a['min-sufficiency']);
    const principal = parsePrincipal(a);
    const started = _perfNow();
    // Plain text prints only the hits: the sufficiency signal (--json, --explain) is not computed for it.
    const explain = Boolean(a.explain);
    const run = c.json || explain ? retrieve : retrieveHits;
    const result = await withStore(c, (store) =>
      run({
        store, tenant: c.tenant, query, mode, topK, embedder, fusion, filter: parseFilter(repeated(ctx.rawArgs, 'filter')),
        reranker: reranker ? { model: reranker, topN: c.config.rerank?.topN ?? 50 } : undefined,
        mmr: a.mmr ? { lambda: numberArg(a.lambda, 'lambda') } : undefined,
        expand: a.parent ? 'parent' : undefined,
        recency: halfLife ? { halfLifeDays: halfLife } : undefined,
        sufficiency: sufficiency.model,
        ...(a.hops === undefined ? {} : { hops: Number(a.hops) as 1 | 2 }),
        ...(principal ? { principal } : {}),
        signal: c.io.signal,
        _internal: { perfNow: _perfNow },
      }),
    );
    const ms = _perfNow() - started;
    const hits = result.hits.map(({ vector: _v, ...h }) => h);
    emit(c.io, c.json, { query, tenant: c.tenant, mode, latencyMs: ms, trace: result.trace, hits }, () => render(hits, result as RetrieveResult, explain, sufficiency.minSufficiency));
    return 0;
  },
});

/** Milliseconds from a monotonic clock. Not `performance.now()`: its first use loads perf_hooks (~3 ms of a cold search). */
const _perfNow = (): number => Number(process.hrtime.bigint()) / 1e6;

function numberArg(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--${name} must be a number, got "${String(v)}".` });
  return n;
}

function render(hits: Hit[], result: RetrieveResult, explain: boolean, minSufficiency: number): string {
  const lines: string[] = [];
  if (hits.length === 0) lines.push('No results.');
  hits.forEach((h, i) => {
    const where = [h.document.title, ...h.chunk.headingPath].filter((x, j, all) => x && all.indexOf(x) === j).join(' › ');
    lines.push(`${i + 1}. ${where}  (${h.document.id}, chars ${h.chunk.start}-${h.chunk.end}${h.chunk.pages?.length ? `, p. ${h.chunk.pages.join(',')}` : ''})  score ${h.score.toFixed(3)}`);
    if (explain) lines.push(`   ${Object.entries(h.stages).map(([name, s]) => `${name}: score ${s!.score.toFixed(4)} rank ${s!.rank}`).join(' | ')}`);
    const snippet = h.chunk.text.replace(/\s+/g, ' ');
    lines.push(`   ${snippet.slice(0, 240)}${snippet.length > 240 ? '…' : ''}`);
  });
  if (explain) {
    lines.push(`stages: ${result.trace.stages.map((s) => `${s.hop ? `hop ${s.hop} ` : ''}${s.name} ${s.ms.toFixed(1)} ms (${s.count})`).join(', ')}`);
    for (const h of result.trace.hops ?? []) lines.push(`hop ${h.hop}: ${h.query === null ? '(no second query)' : JSON.stringify(h.query)} → ${h.count} hits${h.entities ? `; bridge entities: ${h.entities.join(', ') || 'none'}` : ''}`);
    const s = result.trace.sufficiency;
    lines.push(`sufficiency: ${s.toFixed(3)} (${s >= minSufficiency ? 'answers' : 'abstains'}: ask answers at ≥ ${minSufficiency})`);
    lines.push(`  features: ${Object.entries(result.trace.sufficiencyFeatures).filter(([, v]) => v !== null).map(([k, v]) => `${k} ${(v as number).toFixed(2)}`).join(', ')}`);
  }
  return lines.join('\n');
}
