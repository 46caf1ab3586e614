import { join, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { answer } from '../../../generate/index.js';
import { recordExport } from '../../../ingest/index.js';
import type { EvalMode } from '../../../spec/evaluation.js';
import { buildChatModel } from '../../build.js';
import { commonArgs } from '../../common-args.js';
import { cliContext, withStore } from '../../context.js';
import { emit } from '../../io.js';
import { rules } from '../../options/option-schema.js';
import { sufficiencyOptions } from '../../sufficiency-options.js';
import { createJudge } from '../../../evaluate/judge/index.js';
import { evaluate, formatRunSummary } from '../../../evaluate/run/index.js';
import { readGoldenSet } from '../../../evaluate/golden/index.js';
import type { EvalPipeline } from '../../../evaluate/run/index.js';
import { FathomError } from '../../../util/errors.js';
import { readPromptVariants } from '../../read-prompt-variants.js';
import { noChatModel, writeJson, fathomVersion } from './_shared.js';

export const runCommand = defineCommand({
  meta: { name: 'run', description: 'Answer every golden item closed-book, with RAG and with the oracle passages; write the run artifact and print a summary' },
  args: {
    ...commonArgs,
    golden: { type: 'positional', description: 'Golden set (JSONL, schemas/golden-item.schema.json)', required: true },
    modes: { type: 'string', description: 'Comma-separated: closed-book,rag,oracle', default: 'closed-book,rag,oracle' },
    out: { type: 'string', description: 'Also write the run JSON here (always written to .fathom/runs/eval-<id>.json)', valueHint: 'path' },
    model: { type: 'string', description: 'Generation model: llama-cpp:<gguf>, openai-compatible:<model>, anthropic:<model>, extractive (default: config generation, else extractive)' },
    judge: { type: 'string', description: 'Judge model (same syntax) for correctness, faithfulness and relevance' },
    'judge-runs': { type: 'string', schema: { type: 'integer', minimum: 1, maximum: 20 }, description: 'Times each judge verdict is sampled (agreement is reported)', default: '1' },
    concurrency: { type: 'string', schema: rules.concurrency, description: 'Answers in flight (default 2)' },
    'min-sufficiency': { type: 'string', schema: rules.unitInterval, description: 'Abstain below this sufficiency score, in [0, 1] (default: config answer.minSufficiency)', valueHint: 'x' },
    prompt: { type: 'string', description: 'Prompt variants to compare side by side (JSON: [{ "id", "system"?, "instructions"?, "examples"? }, …]; the first is the baseline)', valueHint: 'prompts.json' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const sufficiency = sufficiencyOptions(c.config, ctx.args['min-sufficiency']);
    const prompts = ctx.args.prompt === undefined ? undefined : readPromptVariants(resolve(c.io.cwd, String(ctx.args.prompt)));
    const model = await buildChatModel(c.config, c.io, ctx.args.model as string | undefined);
    if (prompts && !model) throw new FathomError({ code: 'INVALID_ARGUMENT', message: '--prompt needs a generative model: the extractive answerer has no prompt to vary. Set "generation" in fathom.config.json or pass --model.' });
    const judgeModel = ctx.args.judge ? await buildChatModel(c.config, c.io, String(ctx.args.judge)) : undefined;
    if (ctx.args.judge && !judgeModel) throw noChatModel('--judge');
    const runs = Number(ctx.args['judge-runs']);
    const judge = judgeModel
      ? { correctness: createJudge({ model: judgeModel, rubric: 'correctness', runs }), faithfulness: createJudge({ model: judgeModel, rubric: 'faithfulness', runs }), relevance: createJudge({ model: judgeModel, rubric: 'relevance', runs }) }
      : undefined;
    const modes = String(ctx.args.modes).split(',').map((m) => m.trim()).filter(Boolean).map((m) => (m === 'closed' ? 'closed-book' : m)) as EvalMode[];
    const golden = await readGoldenSet({ path: resolve(c.io.cwd, String(ctx.args.golden)) });
    const runsDir = join(resolve(c.storePath, '..'), 'runs');
    const config = { answerer: model ? `${model.provider}:${model.modelId}` : 'extractive', judge: judgeModel ? `${judgeModel.provider}:${judgeModel.modelId}` : null, retrieval: { mode: c.config.search.mode, topK: c.config.search.topK, embedding: c.config.embedding ? `${c.config.embedding.provider}:${c.config.embedding.model}` : null, rerank: c.config.rerank ? { model: `${c.config.rerank.provider}:${c.config.rerank.model}`, topN: c.config.rerank.topN ?? null } : null }, minSufficiency: sufficiency.minSufficiency, sufficiencyModel: sufficiency.model ?? 'default', store: c.storePath, tenant: c.tenant };
    return withStore(c, async (store) => {
      const pipeline: EvalPipeline = {
        answer: (o) => answer({ store, tenant: c.tenant, model, question: o.question, context: o.context, responseFormat: o.responseFormat, retrieval: { topK: c.config.search.topK, sufficiency: sufficiency.model }, abstention: { minSufficiency: sufficiency.minSufficiency }, prompt: { variant: o.prompt }, log: false, signal: o.signal }),
      };
      const result = await evaluate({
        items: golden.items, pipeline, modes, store, tenant: c.tenant, config, judge, dataset: { path: golden.path, sha256: golden.sha256 },
        itemLines: golden.lines, retrievalDepth: c.config.search.topK, answerer: config.answerer, ...(prompts ? { prompts: prompts.variants } : {}),
        concurrency: ctx.args.concurrency ? Number(ctx.args.concurrency) : 2, cacheDir: join(resolve(c.storePath, '..'), 'cache', 'eval'),
        versions: { node: process.version, fathom: fathomVersion() }, signal: c.io.signal,
        onProgress: c.io.isTTY ? (p) => c.io.err(`\r\x1b[2Keval: ${p.done}/${p.total}${p.cached ? ` (${p.cached} cached)` : ''}`) : undefined,
      });
      if (c.io.isTTY) c.io.err('\n');
      const path = join(runsDir, `${result.id}.json`);
      writeJson(path, result);
      writeJson(join(runsDir, `${result.id}.manifest.json`), { runId: result.id, createdAt: result.createdAt, dataset: result.dataset, modes: result.modes, config: result.config, configHash: result.configHash, versions: result.versions, ...(prompts ? { prompts: { file: prompts.path, sha256: prompts.sha256, baseline: result.prompts?.baseline, best: result.prompts?.best, variants: result.prompts?.variants.map((v) => ({ id: v.id, sha256: v.sha256, variant: v.variant })) } } : {}) });
      if (ctx.args.out) {
        writeJson(resolve(c.io.cwd, String(ctx.args.out)), result);
        await recordExport({ store, tenant: c.tenant, path: resolve(c.io.cwd, String(ctx.args.out)), kind: 'eval-run' }); // named as not managed by a later `docs delete`
      }
      const promptRows = result.prompts?.variants.map(({ variant: _v, summary: _s, ...row }) => row);
      emit(c.io, c.json, { id: result.id, path, dataset: result.dataset, summary: result.summary, ...(result.prompts ? { prompts: { baseline: result.prompts.baseline, best: result.prompts.best, mode: result.prompts.mode, variants: promptRows } } : {}) }, () => `${result.id} · ${golden.items.length} items · ${path}\n${formatRunSummary(result)}`);
      return 0;
    });
  },
});
