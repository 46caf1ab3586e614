import { resolve } from 'node:path';
import { defineCommand } from 'citty';
import { readGoldenSet } from '../../evaluate/golden/index.js';
import { fitSufficiency, retrieve, type AbstentionPoint } from '../../retrieve/index.js';
import { FathomError } from '../../util/errors.js';
import { buildEmbedder } from '../build.js';
import { commonArgs } from '../common-args.js';
import { CONFIG_FILE } from '../config.js';
import { cliContext, withStore } from '../context.js';
import { emit } from '../io.js';
import { rules } from '../options/option-schema.js';
import { writeConfigValues } from '../write-config-values.js';

export const calibrateCommand = defineCommand({
  meta: { name: 'calibrate', description: 'Fit the abstention threshold (and, with enough items, the sufficiency weights) on your answerable and unanswerable golden items; print the precision/recall curve; write the result to the config' },
  args: {
    ...commonArgs,
    golden: { type: 'positional', description: 'Golden set (JSONL) with answerable and unanswerable ("answerable": false) items', required: true },
    fit: { type: 'string', schema: { enum: ['weights', 'threshold'] }, description: 'weights (refit the model, then the threshold) | threshold (keep the model); default: weights with 50+ items', valueHint: 'what' },
    'min-answerable-recall': { type: 'string', schema: rules.unitInterval, description: 'Keep at least this share of answerable items answered (default 0.85)', valueHint: 'x' },
    'min-precision': { type: 'string', schema: rules.unitInterval, description: 'Require at least this abstention precision (default 0)', valueHint: 'x' },
    'dry-run': { type: 'boolean', description: 'Print the result without writing the config' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const fit = ctx.args.fit as string | undefined;
    if (fit !== undefined && fit !== 'weights' && fit !== 'threshold') throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--fit must be weights or threshold, got "${fit}".` });
    const minAnswerableRecall = _unit(ctx.args['min-answerable-recall'], '--min-answerable-recall', 0.85);
    const minAbstentionPrecision = _unit(ctx.args['min-precision'], '--min-precision', 0);
    const golden = await readGoldenSet({ path: resolve(c.io.cwd, String(ctx.args.golden)) });
    const mode = c.config.search.mode;
    const embedder = mode === 'bm25' ? undefined : await buildEmbedder(c.config, c.io);
    const samples = await withStore(c, async (store) => {
      const out = [];
      for (const item of golden.items) {
        const { trace } = await retrieve({ store, tenant: c.tenant, query: item.question, topK: c.config.search.topK, mode: embedder ? mode : 'bm25', embedder, signal: c.io.signal });
        out.push({ features: trace.sufficiencyFeatures, answerable: item.answerable });
      }
      return out;
    });
    const result = fitSufficiency({ samples, fit: fit as 'weights' | 'threshold' | undefined, model: c.config.answer?.sufficiencyModel, minAnswerableRecall, minAbstentionPrecision });
    const threshold = Number(result.chosen.threshold.toFixed(4));
    const file = c.config.file ?? resolve(c.io.cwd, CONFIG_FILE);
    const written = !ctx.args['dry-run'];
    if (written) writeConfigValues(file, [{ path: ['answer', 'minSufficiency'], value: threshold }, ...(result.fitted === 'weights' ? [{ path: ['answer', 'sufficiencyModel'], value: result.model }] : [])]);
    const payload = { golden: golden.path, samples: result.samples, fitted: result.fitted, chosen: { ...result.chosen, threshold }, curve: result.curve, model: result.model, config: written ? file : null };
    emit(c.io, c.json, payload, () => _render(payload, { minAnswerableRecall, minAbstentionPrecision }));
    return 0;
  },
});

function _render(p: { golden: string; samples: { total: number; answerable: number }; fitted: string; chosen: AbstentionPoint; curve: AbstentionPoint[]; config: string | null }, req: { minAnswerableRecall: number; minAbstentionPrecision: number }): string {
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);
  const step = Math.max(1, Math.ceil(p.curve.length / 15));
  const shown = p.curve.filter((_, i) => i % step === 0 || p.curve[i] === p.chosen || i === p.curve.length - 1);
  if (!shown.some((x) => x.threshold === p.chosen.threshold)) shown.push(p.chosen);
  shown.sort((a, b) => a.threshold - b.threshold);
  return [
    `${p.golden}: ${p.samples.total} items (${p.samples.answerable} answerable, ${p.samples.total - p.samples.answerable} unanswerable); fitted the ${p.fitted === 'weights' ? 'weights and threshold' : 'threshold (model kept)'}`,
    '', 'threshold  abstention precision  abstention recall  answerable recall',
    ...shown.map((x) => `${x.threshold.toFixed(3).padStart(9)}  ${pct(x.abstentionPrecision).padStart(20)}  ${pct(x.abstentionRecall).padStart(17)}  ${pct(x.answerableRecall).padStart(17)}${x.threshold === p.chosen.threshold ? '   ← chosen' : ''}`),
    '', `chosen: answer.minSufficiency = ${p.chosen.threshold} (most unanswerable items abstained while answerable recall ≥ ${req.minAnswerableRecall}${req.minAbstentionPrecision ? ` and precision ≥ ${req.minAbstentionPrecision}` : ''})`,
    p.config ? `written to ${p.config}` : 'not written (--dry-run)',
  ].join('\n');
}

function _unit(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${name} must be a number between 0 and 1, got "${String(value)}".` });
  return n;
}
