import { resolve } from 'node:path';
import { defineCommand } from 'citty';
import { buildChatModel } from '../../build.js';
import { commonArgs } from '../../common-args.js';
import { cliContext, withStore } from '../../context.js';
import { emit } from '../../io.js';
import { rules } from '../../options/option-schema.js';
import { generateTestSet } from '../../../evaluate/testset/index.js';
import { noChatModel } from './_shared.js';

export const generateCommand = defineCommand({
  meta: { name: 'generate', description: 'Write a synthetic golden set from the stored documents, with a review file' },
  args: {
    ...commonArgs,
    count: { type: 'string', schema: { type: 'integer', minimum: 1, maximum: 100_000 }, description: 'Single-document questions', default: '20' },
    out: { type: 'string', description: 'Golden set to write (review file next to it)', required: true, valueHint: 'path' },
    unanswerable: { type: 'string', schema: rules.count, description: 'Unanswerable look-alike questions (default: count / 5)' },
    'multi-doc': { type: 'string', schema: rules.count, description: 'Two-document questions (default: count / 5)' },
    seed: { type: 'string', schema: rules.seed, description: 'Sampling seed', default: '0' },
    model: { type: 'string', description: 'Question-writing model (default: config generation)' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const model = await buildChatModel(c.config, c.io, ctx.args.model as string | undefined);
    if (!model) throw noChatModel('`fathom eval generate`');
    const num = (v: unknown): number | undefined => (v === undefined ? undefined : Number(v));
    const out = resolve(c.io.cwd, String(ctx.args.out));
    const result = await withStore(c, (store) => generateTestSet({
      store, tenant: c.tenant, model, out, count: Number(ctx.args.count), unanswerable: num(ctx.args.unanswerable), multiDoc: num(ctx.args['multi-doc']), seed: Number(ctx.args.seed), signal: c.io.signal,
    }));
    emit(c.io, c.json, { out, items: result.items.length, files: result.files, warnings: result.warnings, usage: result.usage }, () =>
      [`wrote ${result.items.length} items to ${out}`, ...(result.files ? [`review them in ${result.files.review} (tick the boxes to keep)`] : []), ...result.warnings.map((w) => `warning: ${w.message}`)].join('\n'));
    return 0;
  },
});
