/** Estimated cost of a fine-tuning job. */
export { estimateTuningCost } from './estimate-tuning-cost.js';
export type { EstimateTuningCostOptions, TuningCostEstimate } from './estimate-tuning-cost.js';
export { defaultPriceTable, PRICES_AS_OF } from './price-table.js';
export type { PriceTier } from './price-table.js';
