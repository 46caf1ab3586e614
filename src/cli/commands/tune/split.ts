import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineCommand } from 'citty';
import { readEvalQuestions } from '../../../tune/lint/index.js';
import { splitDataset } from '../../../tune/split/index.js';
import { commonArgs } from '../../common-args.js';
import { emit } from '../../io.js';
import { parseFormat, parseNumber, readAll, tuneContext, writeJsonl } from './_shared.js';
import { FathomError } from '../../../util/errors.js';
import { rules } from '../../options/option-schema.js';

export const splitCommand = defineCommand({
  meta: { name: 'split', description: 'Split into train/validation: seeded, stratified, near duplicates together, eval leaks excluded' },
  args: {
    ...commonArgs,
    file: { type: 'positional', description: 'JSONL file', required: true },
    validation: { type: 'string', schema: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, description: 'Validation share', default: '0.1' },
    seed: { type: 'string', schema: rules.seed, description: 'Shuffle seed', default: '1' },
    eval: { type: 'string', description: 'Evaluation file: leaking examples are excluded', valueHint: 'golden.jsonl' },
    stratify: { type: 'string', schema: { enum: ['output'] }, description: '"output" to stratify by the answer (label data)' },
    format: { type: 'string', schema: { enum: ['chat', 'sharegpt', 'alpaca', 'dpo'] }, description: 'chat | sharegpt | alpaca | dpo (default: detected)' },
    'out-dir': { type: 'string', description: 'Folder for train.jsonl, validation.jsonl and split.json', required: true, valueHint: 'dir' },
  },
  async run(ctx) {
    const c = tuneContext(ctx);
    const a = ctx.args;
    if (a.stratify !== undefined && a.stratify !== 'output') throw new FathomError({ code: 'INVALID_ARGUMENT', message: '--stratify accepts only "output".' });
    const { examples, lines, format, errors } = await readAll(c.path(String(a.file)), parseFormat(a.format, 'format'));
    if (errors.length > 0) {
      throw new FathomError({ code: 'INVALID_DATASET', message: `${errors.length} invalid line(s) in ${String(a.file)} (first: line ${errors[0]!.line}: ${errors[0]!.error}). Fix them first (\`fathom tune lint\`).`, details: { lines: errors.map((e) => e.line) } });
    }
    const validationShare = parseNumber(a.validation, 'validation', { min: 0, max: 1 })!;
    const seed = parseNumber(a.seed, 'seed')!;
    const evalQuestions = a.eval ? await readEvalQuestions(c.path(String(a.eval))) : [];
    const r = splitDataset({ examples, format, validationShare, seed, stratifyBy: a.stratify === 'output' ? 'output' : undefined, evalQuestions });
    const dir = c.path(String(a['out-dir']));
    await writeJsonl(join(dir, 'train.jsonl'), r.train);
    await writeJsonl(join(dir, 'validation.jsonl'), r.validation);
    const manifest = {
      source: c.path(String(a.file)), format, validationShare, seed, stratify: a.stratify ?? null, eval: a.eval ? c.path(String(a.eval)) : null,
      train: r.train.length, validation: r.validation.length,
      excluded: r.excluded.map((e) => ({ line: lines[e.index], evalQuestion: e.evalQuestion, similarity: Math.round(e.similarity * 100) / 100 })),
    };
    await writeFile(join(dir, 'split.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    emit(c.io, c.json, manifest, () => [
      `train ${r.train.length}, validation ${r.validation.length} → ${String(a['out-dir'])}/{train,validation}.jsonl`,
      ...(r.excluded.length ? [`excluded ${r.excluded.length} example(s) leaking into the evaluation set: lines ${manifest.excluded.map((e) => e.line).join(', ')}`] : []),
    ].join('\n'));
    return 0;
  },
});
