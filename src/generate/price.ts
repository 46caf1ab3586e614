import type { ChatUsage } from '../spec/chat-model.js';
import type { ModelPrice, PriceTable } from '../spec/answer.js';

/** The price of a model: `provider:modelId` first, then the bare `modelId`; undefined when the table has neither. */
export function findPrice({ prices, provider, modelId }: { prices?: PriceTable; provider: string; modelId: string }): ModelPrice | undefined {
  if (!prices) return undefined;
  return prices[`${provider}:${modelId}`] ?? prices[modelId];
}

/** Cost in US dollars of one call's usage at a price (per million tokens). */
export function computeCost({ price, usage }: { price: ModelPrice; usage: ChatUsage }): number {
  return (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1_000_000;
}
