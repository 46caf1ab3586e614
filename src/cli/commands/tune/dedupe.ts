import { defineCommand } from 'citty';
import { dedupeDataset } from '../../../tune/split/index.js';
import { commonArgs } from '../../common-args.js';
import { emit } from '../../io.js';
import { parseFormat, parseNumber, readAll, tuneContext, writeJsonl } from './_shared.js';

export const dedupeCommand = defineCommand({
  meta: { name: 'dedupe', description: 'Write a deduplicated file: drops exact and near duplicates incl. paraphrased prompts with the same answer (keeps the first; contradictions are kept for lint)' },
  args: {
    ...commonArgs,
    file: { type: 'positional', description: 'JSONL file', required: true },
    out: { type: 'string', description: 'Output JSONL file', required: true, valueHint: 'file' },
    'exact-only': { type: 'boolean', description: 'Only drop exact duplicates' },
    threshold: { type: 'string', schema: { type: 'number', exclusiveMinimum: 0, maximum: 1 }, description: 'Near-duplicate Jaccard threshold (word 3-grams of the whole example)', default: '0.7' },
    'paraphrase-threshold': { type: 'string', schema: { type: 'number', exclusiveMinimum: 0, maximum: 1 }, description: 'Token similarity of the user turns for paraphrased prompts (default 0.8)' },
    format: { type: 'string', schema: { enum: ['chat', 'sharegpt', 'alpaca', 'dpo'] }, description: 'chat | sharegpt | alpaca | dpo (default: detected)' },
  },
  async run(ctx) {
    const c = tuneContext(ctx);
    const { examples, lines, format, errors } = await readAll(c.path(String(ctx.args.file)), parseFormat(ctx.args.format, 'format'));
    const r = dedupeDataset({ examples, format, near: !ctx.args['exact-only'], threshold: parseNumber(ctx.args.threshold, 'threshold', { min: 0, max: 1 }), paraphraseThreshold: parseNumber(ctx.args['paraphrase-threshold'], 'paraphrase-threshold', { min: 0, max: 1 }) });
    await writeJsonl(c.path(String(ctx.args.out)), r.kept);
    const removed = r.removed.map((x) => ({ line: lines[x.index], duplicateOf: lines[x.duplicateOf], kind: x.kind }));
    emit(c.io, c.json, { kept: r.kept.length, removed, skippedInvalid: errors.map((e) => e.line) }, () => [
      `kept ${r.kept.length} of ${examples.length} → ${String(ctx.args.out)}`,
      ...removed.slice(0, 20).map((x) => `  dropped line ${x.line} (${x.kind} duplicate of line ${x.duplicateOf})`),
      ...(removed.length > 20 ? [`  … ${removed.length - 20} more`] : []),
      ...(errors.length ? [`  skipped ${errors.length} invalid line(s): ${errors.slice(0, 10).map((e) => e.line).join(', ')}`] : []),
    ].join('\n'));
    return errors.length > 0 ? 1 : 0;
  },
});
