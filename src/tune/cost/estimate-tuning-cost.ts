import type { Tokenizer } from '../../spec/tokenizer.js';
import type { TuneExample, TuneFormat } from '../../spec/tune-data.js';
import { FathomError } from '../../util/errors.js';
import { messageText } from '../lint/lint-records.js';
import { toRecords } from '../split/to-records.js';
import { defaultPriceTable, PRICES_AS_OF } from './price-table.js';
import type { PriceTier } from './price-table.js';

/** Options of {@link estimateTuningCost}: give `examples` (counted with `tokenizer`) or `tokens`. */
export interface EstimateTuningCostOptions {
  examples?: TuneExample[];
  format?: TuneFormat;
  /** Tokens of one pass over the data, when already counted. */
  tokens?: number;
  /** Required with `examples`. */
  tokenizer?: Tokenizer;
  /** @default 3 */
  epochs?: number;
  /** Only these backends. @default every backend in the price table */
  backends?: string[];
  /** Price table to use. @default defaultPriceTable (list prices as of {@link PRICES_AS_OF}) */
  prices?: Record<string, PriceTier[]>;
  /** A flat price (USD / 1M tokens) that overrides every table entry. */
  usdPerMillionTokens?: number;
  /** Minutes a person spends reviewing one example. @default 1 */
  reviewMinutesPerExample?: number;
  /** Lint findings (lines) still to fix, at `fixMinutesPerLine` each. @default 0 */
  linesToFix?: number;
  /** @default 5 */
  fixMinutesPerLine?: number;
}

/** A cost estimate: tokens, price per backend tier, and the human time to prepare the data. */
export interface TuningCostEstimate {
  examples?: number;
  tokensPerEpoch: number;
  epochs: number;
  trainedTokens: number;
  costs: Array<{ backend: string; tier: string; usdPerMillionTokens: number; usd: number }>;
  pricesAsOf: string;
  preparation: { hours: number; assumptions: string };
}

/** Training cost = tokens × epochs × price, per backend; plus a data-preparation time estimate. */
export function estimateTuningCost(options: EstimateTuningCostOptions): TuningCostEstimate {
  const { examples, tokenizer, epochs = 3, prices = defaultPriceTable, usdPerMillionTokens, reviewMinutesPerExample = 1, linesToFix = 0, fixMinutesPerLine = 5 } = options;
  let tokens = options.tokens;
  if (tokens === undefined) {
    if (!examples || !tokenizer) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'estimateTuningCost needs `tokens`, or `examples` and a `tokenizer`.' });
    tokens = toRecords(examples, options.format).reduce((n, r) => n + 3 + r.messages.reduce((m, msg) => m + 4 + tokenizer.count(messageText(msg)), 0), 0);
  }
  if (!(epochs > 0)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `epochs must be positive (got ${epochs}).` });
  const names = options.backends ?? Object.keys(prices);
  const unknown = names.filter((b) => !prices[b]);
  if (unknown.length) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Unknown backend ${unknown.join(', ')}: use one of ${Object.keys(prices).join(', ')} or pass a price.`, details: { unknown } });
  }
  const trainedTokens = tokens * epochs;
  const costs = names.flatMap((backend) => prices[backend]!.map((t) => {
    const price = usdPerMillionTokens ?? t.usdPerMillionTokens;
    return { backend, tier: t.tier, usdPerMillionTokens: price, usd: Math.round((trainedTokens / 1e6) * price * 100) / 100 };
  }));
  const n = examples?.length ?? 0;
  const hours = Math.round(((n * reviewMinutesPerExample + linesToFix * fixMinutesPerLine) / 60) * 10) / 10;
  return {
    examples: examples?.length, tokensPerEpoch: tokens, epochs, trainedTokens, costs,
    pricesAsOf: usdPerMillionTokens === undefined ? PRICES_AS_OF : 'override',
    preparation: { hours, assumptions: `${reviewMinutesPerExample} min review per example + ${fixMinutesPerLine} min per flagged line (${linesToFix})` },
  };
}
