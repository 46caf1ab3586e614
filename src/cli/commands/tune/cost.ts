import { defineCommand } from 'citty';
import { createGptTokenizer } from '../../../util/tokenizers/index.js';
import { estimateTuningCost } from '../../../tune/cost/index.js';
import { commonArgs } from '../../common-args.js';
import { emit } from '../../io.js';
import { parseFormat, parseNumber, readAll, tuneContext } from './_shared.js';

export const costCommand = defineCommand({
  meta: { name: 'cost', description: 'Estimate training cost (tokens × epochs × list price per backend) and data-preparation time' },
  args: {
    ...commonArgs,
    file: { type: 'positional', description: 'JSONL file', required: true },
    epochs: { type: 'string', schema: { type: 'integer', minimum: 1, maximum: 100 }, description: 'Training epochs', default: '3' },
    backend: { type: 'string', description: 'together | fireworks | openai | mistral (default: all)' },
    price: { type: 'string', schema: { type: 'number', minimum: 0, maximum: 1e6 }, description: 'Override: USD per million training tokens', valueHint: 'usd' },
    format: { type: 'string', schema: { enum: ['chat', 'sharegpt', 'alpaca', 'dpo'] }, description: 'chat | sharegpt | alpaca | dpo (default: detected)' },
  },
  async run(ctx) {
    const c = tuneContext(ctx);
    const { examples, format } = await readAll(c.path(String(ctx.args.file)), parseFormat(ctx.args.format, 'format'));
    const r = estimateTuningCost({
      examples, format, tokenizer: createGptTokenizer(),
      epochs: parseNumber(ctx.args.epochs, 'epochs', { min: 1 }),
      backends: ctx.args.backend ? [String(ctx.args.backend)] : undefined,
      usdPerMillionTokens: parseNumber(ctx.args.price, 'price', { min: 0 }),
    });
    emit(c.io, c.json, r, () => [
      `${r.examples} examples, ${r.tokensPerEpoch.toLocaleString('en')} tokens per epoch × ${r.epochs} epochs = ${r.trainedTokens.toLocaleString('en')} trained tokens`,
      ...r.costs.map((x) => `  ${x.backend.padEnd(10)} ${x.tier.padEnd(14)} $${x.usdPerMillionTokens}/1M  →  $${x.usd.toFixed(2)}`),
      `prices: ${r.pricesAsOf === 'override' ? '--price override' : `list prices as of ${r.pricesAsOf}; override with --price`}`,
      `data preparation: ~${r.preparation.hours} h (${r.preparation.assumptions})`,
    ].join('\n'));
    return 0;
  },
});
