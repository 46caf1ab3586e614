/**
 * Default training prices in USD per million training tokens (tokens × epochs), LoRA / supervised
 * fine-tuning. LIST PRICES AS OF 2025-06, as published on each provider's pricing page at that time;
 * they change — verify before budgeting, and override with `prices` (CLI: `--price <usd-per-1M>`).
 */
export const PRICES_AS_OF = '2025-06';

/** One price tier of a backend. */
export interface PriceTier {
  /** Model or model-size tier, e.g. `up-to-16b` or `gpt-4o-mini`. */
  tier: string;
  usdPerMillionTokens: number;
}

/** Prices per backend; the first tier is the default. */
export const defaultPriceTable: Record<string, PriceTier[]> = {
  together: [
    { tier: 'up-to-16b', usdPerMillionTokens: 0.48 },
    { tier: '17b-69b', usdPerMillionTokens: 1.5 },
    { tier: '70b-100b', usdPerMillionTokens: 2.9 },
  ],
  fireworks: [
    { tier: 'up-to-16b', usdPerMillionTokens: 0.5 },
    { tier: '16b-80b', usdPerMillionTokens: 3 },
  ],
  openai: [
    { tier: 'gpt-4o-mini', usdPerMillionTokens: 3 },
    { tier: 'gpt-4.1-mini', usdPerMillionTokens: 5 },
    { tier: 'gpt-4.1', usdPerMillionTokens: 25 },
  ],
  mistral: [
    { tier: 'mistral-nemo', usdPerMillionTokens: 1 },
    { tier: 'codestral', usdPerMillionTokens: 3 },
    { tier: 'mistral-large', usdPerMillionTokens: 9 },
  ],
};
