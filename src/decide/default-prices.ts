import type { PriceTable } from '../spec/answer.js';

/** Date the default prices were taken from the providers' public price lists. Override with `prices`. */
export const defaultPricesDate = '2025-01';

/**
 * US dollars per million tokens (list prices as published in January 2025; verify before relying on them).
 * `ft:` entries are the per-token prices of fine-tuned models; `self-hosted:8b` is an effective price for an
 * 8B open-weights model on one rented GPU (~$1/h at ~1,500 tokens/s), its hosting counted separately.
 */
export const defaultPrices: PriceTable = {
  'openai:gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'openai:ft:gpt-4o-mini': { inputPerMillion: 0.3, outputPerMillion: 1.2 },
  'openai:gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'openai:ft:gpt-4o': { inputPerMillion: 3.75, outputPerMillion: 15 },
  'anthropic:claude-3-5-haiku': { inputPerMillion: 0.8, outputPerMillion: 4 },
  'anthropic:claude-3-5-sonnet': { inputPerMillion: 3, outputPerMillion: 15 },
  'self-hosted:8b': { inputPerMillion: 0.05, outputPerMillion: 0.19 },
};

/** Training prices, US dollars per million training tokens (January 2025). */
export const defaultTrainingPrices: Record<string, number> = {
  'openai:ft:gpt-4o-mini': 3,
  'openai:ft:gpt-4o': 25,
  'self-hosted:8b': 0.5,
};
