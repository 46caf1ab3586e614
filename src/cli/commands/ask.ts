import { defineCommand } from 'citty';
import type { Answer } from '../../spec/answer.js';
import { answer, streamAnswer } from '../../generate/index.js';
import type { AnswerOptions } from '../../generate/index.js';
import { FathomError } from '../../util/errors.js';
import { buildChatModel, buildEmbedder } from '../build.js';
import { commonArgs } from '../common-args.js';
import { cliContext, withStore } from '../context.js';
import { emit } from '../io.js';
import { terminalSafe } from '../terminal-safe.js';
import { parseFilter } from '../parse-filter.js';
import { parsePrincipal, principalArgs } from '../principal-args.js';
import { repeated } from '../repeated.js';
import { checkQuery } from '../check-query.js';
import { rules } from '../options/option-schema.js';
import { sufficiencyOptions } from '../sufficiency-options.js';

export const askCommand = defineCommand({
  meta: { name: 'ask', description: 'Answer a question from the documents, with verified citations (or "I don\'t know")' },
  args: {
    ...commonArgs,
    question: { type: 'positional', description: 'The question', required: true },
    stream: { type: 'boolean', description: 'Print the answer as it is generated' },
    model: { type: 'string', description: 'llama-cpp:<file.gguf|hf:…>, openai-compatible:<model>, anthropic:<model> or extractive (default: config "generation")', valueHint: 'spec' },
    sources: { type: 'boolean', description: 'Print the text of every source' },
    k: { type: 'string', schema: rules.topK, alias: 'k', description: 'Sources retrieved (default 5)', valueHint: 'n' },
    mode: { type: 'string', schema: rules.retrievalMode, description: 'bm25 | vector | hybrid (default: config search.mode)', valueHint: 'mode' },
    filter: { type: 'string', description: 'key=value, key>=n, key=a|b … (repeatable)', valueHint: 'expr' },
    'min-sufficiency': { type: 'string', schema: rules.unitInterval, description: 'Abstain when the sufficiency score is below this, in [0, 1] (default: config answer.minSufficiency, else 0.15)', valueHint: 'x' },
    hops: { type: 'string', schema: { type: 'integer', minimum: 1, maximum: 2 }, description: 'Retrieval hops: 2 adds a second query (the generative model decomposes the question; the extractive answerer uses bridge entities from the first hop) (default 1)', valueHint: 'n' },
    ...principalArgs,
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const question = checkQuery(String(ctx.args.question), { maxChars: c.config.search.maxQueryChars, what: 'question' });
    const topK = ctx.args.k === undefined ? c.config.search.topK : Number(ctx.args.k);
    const sufficiency = sufficiencyOptions(c.config, ctx.args['min-sufficiency']);
    const mode = (ctx.args.mode ?? c.config.search.mode) as 'bm25' | 'vector' | 'hybrid';
    if (!['bm25', 'vector', 'hybrid'].includes(mode)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--mode must be bm25, vector or hybrid, got "${mode}".` });
    const principal = parsePrincipal(ctx.args);
    const model = await buildChatModel(c.config, c.io, ctx.args.model as string | undefined);
    const embedder = mode === 'bm25' ? undefined : await buildEmbedder(c.config, c.io);
    const result = await withStore(c, async (store) => {
      const options: AnswerOptions = {
        store, tenant: c.tenant, question, model, prices: c.config.prices, signal: c.io.signal, ...(principal ? { principal } : {}),
        retrieval: { topK, mode, embedder, filter: parseFilter(repeated(ctx.rawArgs, 'filter')), sufficiency: sufficiency.model, ...(ctx.args.hops === undefined ? {} : { hops: Number(ctx.args.hops) as 1 | 2, ...(model ? { multiHop: { decomposer: model } } : {}) }) },
        abstention: { minSufficiency: sufficiency.minSufficiency },
      };
      if (!ctx.args.stream || c.json) return answer(options);
      let final: Answer | undefined;
      for await (const part of streamAnswer(options)) {
        if (part.type === 'text-delta') c.io.out(terminalSafe(part.delta));
        else final = part.answer;
      }
      c.io.out('\n');
      return final!;
    });
    emit(c.io, c.json, { ...result, minSufficiency: sufficiency.minSufficiency }, () => _render(result, { sources: Boolean(ctx.args.sources), streamed: Boolean(ctx.args.stream), minSufficiency: sufficiency.minSufficiency }));
    return 0;
  },
});

function _render(a: Answer, { sources, streamed, minSufficiency }: { sources: boolean; streamed: boolean; minSufficiency: number }): string {
  const lines: string[] = [];
  if (!streamed && a.span && !a.abstained) lines.push(`Answer: ${a.span}`, `Evidence: ${a.text}`);
  else if (!streamed) lines.push(a.text);
  if (a.abstained) lines.push(`\n(abstained: ${a.abstainReason}; sufficiency ${a.sufficiency.toFixed(3)} < ${minSufficiency})`);
  else if (a.context === 'retrieve') lines.push(`\n(sufficiency ${a.sufficiency.toFixed(3)} ≥ ${minSufficiency}${a.model === 'extractive' ? '; extractive answerer' : `; ${a.model}`})`);
  const cited = new Set(a.citations.filter((c) => c.valid).map((c) => c.n));
  const shown = a.abstained ? [] : a.sources.filter((s) => cited.has(s.n) || sources);
  if (shown.length > 0) lines.push('\nSources:');
  for (const s of shown) {
    const section = s.hit?.chunk.headingPath.filter((h) => h !== s.title).join(' › ');
    const failed = a.citations.filter((c) => c.n === s.n && c.valid && !c.supported);
    const mark = failed.length > 0 ? `  ⚠ not supported: ${failed.map((c) => `"${c.sentence.slice(0, 80)}"`).join(', ')}` : '';
    lines.push(`[${s.n}] ${s.title}${section ? ` › ${section}` : ''}  (${s.documentId ?? 'given'}${s.pages?.length ? `, p. ${s.pages.join(',')}` : ''}, chars ${s.start}-${s.end})${mark}`);
    if (sources) lines.push(`    ${s.text.replace(/\n+/g, '\n    ')}`);
  }
  for (const c of a.citations.filter((x) => !x.valid)) lines.push(`(removed citation [${c.n}]: no such source)`);
  const uncited = a.unsupportedClaims.filter((u) => !u.cited);
  for (const u of uncited) lines.push(`⚠ unsupported claim: "${u.sentence.slice(0, 100)}"`);
  for (const w of a.warnings) lines.push(`warning: ${w.message}`);
  lines.push(`\n${a.model} · ${Object.entries(a.latencyMs).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(' · ')}${a.costUsd !== undefined ? ` · $${a.costUsd.toFixed(5)}` : ''}${a.logId ? ` · log ${a.logId}` : ''}`);
  return lines.join('\n');
}
