import { defineCommand } from 'citty';
import { FathomError } from '../../../util/errors.js';
import { exportTrainerJob } from '../../../tune/jobs/index.js';
import { commonArgs } from '../../common-args.js';
import { cliContext, withStore } from '../../context.js';
import { emit } from '../../io.js';
import { parseNumber } from './_shared.js';
import { _abs } from './start.js';

const trainers = ['trl', 'axolotl', 'unsloth'] as const;

export const exportCommand = defineCommand({
  meta: { name: 'export', description: 'Write a ready-to-run TRL / Axolotl / Unsloth bundle (config, data, run.sh) and record it as a job' },
  args: {
    ...commonArgs,
    trainer: { type: 'string', schema: { enum: ['trl', 'axolotl', 'unsloth'] }, description: 'trl | axolotl | unsloth', required: true },
    'base-model': { type: 'string', description: 'Hugging Face model id or path, e.g. Qwen/Qwen2.5-7B-Instruct', required: true },
    train: { type: 'string', description: 'Training data (chat or ShareGPT JSONL)', required: true, valueHint: 'data.jsonl' },
    validation: { type: 'string', description: 'Validation data', valueHint: 'v.jsonl' },
    'out-dir': { type: 'string', description: 'Bundle folder (empty or absent)', required: true, valueHint: 'dir' },
    epochs: { type: 'string', schema: { type: 'integer', minimum: 1, maximum: 100 }, description: 'Training epochs', default: '3' },
    'lora-r': { type: 'string', schema: { type: 'integer', minimum: 1, maximum: 1024 }, description: 'LoRA rank', default: '16' },
    'lora-alpha': { type: 'string', schema: { type: 'number', exclusiveMinimum: 0, maximum: 4096 }, description: 'LoRA alpha', default: '32' },
    'learning-rate': { type: 'string', schema: { type: 'number', exclusiveMinimum: 0, maximum: 1 }, description: 'Learning rate', default: '0.0002' },
    'no-qlora': { type: 'boolean', description: 'Load the base model in 16-bit instead of 4-bit' },
    'chat-template': { type: 'string', description: 'Named template (chatml, llama3…) or Jinja; default: the tokenizer\'s own' },
    force: { type: 'boolean', description: 'Write into a non-empty folder' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const a = ctx.args;
    if (!(trainers as readonly string[]).includes(String(a.trainer))) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--trainer must be one of ${trainers.join(', ')} (got "${String(a.trainer)}").` });
    return withStore(c, async (store) => {
      const { job, outDir, manifest } = await exportTrainerJob({
        store, tenant: c.tenant, trainer: a.trainer as (typeof trainers)[number], baseModel: String(a['base-model']), trainPath: _abs(c, a.train)!, validationPath: _abs(c, a.validation), outDir: _abs(c, a['out-dir'])!,
        epochs: parseNumber(a.epochs, 'epochs', { min: 1 }), learningRate: parseNumber(a['learning-rate'], 'learning-rate', { min: 0, max: 1 }),
        lora: { r: parseNumber(a['lora-r'], 'lora-r', { min: 1 }), alpha: parseNumber(a['lora-alpha'], 'lora-alpha', { min: 0 }) },
        qlora: !a['no-qlora'], ...(a['chat-template'] !== undefined ? { chatTemplate: String(a['chat-template']) } : {}), overwrite: Boolean(a.force),
      });
      for (const w of manifest.warnings) c.io.err(`warning: ${w.message}\n`);
      emit(c.io, c.json, { job, outDir, manifest }, () => `wrote ${manifest.files.length} files to ${outDir} (job ${job.id}); on the GPU machine: cd ${outDir} && ./run.sh\nthen register the result with \`fathom tune register --job ${job.id} …\``);
      return 0;
    }, { needsDocuments: false });
  },
});
