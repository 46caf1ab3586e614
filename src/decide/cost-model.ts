import type { BreakEven, CostInputs, CostModel, CostOption, CostOptionName, ModeMeasurement } from '../spec/decision.js';
import { FathomError } from '../util/errors.js';
import { _fmt } from './_fmt.js';
import { defaultPrices, defaultPricesDate, defaultTrainingPrices } from './default-prices.js';

export interface CostModelOptions extends CostInputs {
  /** Tokens per query measured per mode (`measureRun`); `tokens` overrides them. */
  measurements?: ModeMeasurement[];
}

const labels: Record<CostOptionName, string> = { rag: 'RAG (base model + retrieval)', 'fine-tuned': 'Fine-tuned model, no retrieval', hybrid: 'Hybrid (fine-tuned model + retrieval)' };

/**
 * Monthly cost of RAG, a fine-tuned model and the hybrid as fixed + queries × per-query cost, and the query
 * volumes at which they break even. RAG is priced with the RAG mode's tokens on the base model; the
 * fine-tuned model answers with closed-book-sized prompts at the tuned price; the hybrid pays the tuned price
 * on RAG-sized prompts. One-time costs (data preparation, first training run) are spread over `amortizeMonths`.
 */
export function costModel(options: CostModelOptions = {}): CostModel {
  const {
    selfHosted = false, measurements = [], tokens = {}, retrievalInfraPerMonth = 50, hostingPerMonth = selfHosted ? 730 : 0,
    trainingExamples = 1000, epochs = 3, dataPrepHoursPerExample = 0.1, hourlyRateUsd = 75, amortizeMonths = 12,
    retrainsPerMonth = 0, retrainDataShare = 0.1, queriesPerMonth = 10000,
  } = options;
  const model = options.model ?? (selfHosted ? 'self-hosted:8b' : 'openai:gpt-4o-mini');
  const tunedModel = options.tunedModel ?? (selfHosted ? 'self-hosted:8b' : 'openai:ft:gpt-4o-mini');
  const prices = { ...defaultPrices, ...options.prices };
  const assumptions: string[] = [];
  const price = (key: string): { inputPerMillion: number; outputPerMillion: number } => {
    const p = prices[key];
    if (!p) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `No price for model "${key}": pass it in \`prices\` ({ "${key}": { "inputPerMillion": …, "outputPerMillion": … } }) or use one of ${Object.keys(prices).join(', ')}.`, details: { model: key } });
    if (!options.prices?.[key]) assumptions.push(`${key}: $${p.inputPerMillion}/M input, $${p.outputPerMillion}/M output tokens (default list price, ${defaultPricesDate})`);
    return p;
  };
  const measured = (mode: 'rag' | 'closed-book', fallback: [number, number]): { inputTokens: number; outputTokens: number } => {
    const m = tokens[mode] ?? measurements.find((x) => x.mode === mode);
    if (m) return { inputTokens: m.inputTokens, outputTokens: m.outputTokens };
    assumptions.push(`${mode} tokens per query not measured: assumed ${fallback[0]} in, ${fallback[1]} out`);
    return { inputTokens: fallback[0], outputTokens: fallback[1] };
  };
  const ragTokens = measured('rag', [1500, 100]);
  const bareTokens = measured('closed-book', [150, 100]);
  const perQuery = (key: string, t: { inputTokens: number; outputTokens: number }): number => {
    const p = price(key);
    return (t.inputTokens * p.inputPerMillion + t.outputTokens * p.outputPerMillion) / 1e6;
  };
  const tokensPerExample = options.tokensPerExample ?? Math.round(bareTokens.inputTokens + bareTokens.outputTokens);
  const trainingPerMillion = options.trainingPerMillion ?? defaultTrainingPrices[tunedModel] ?? 3;
  const training = (trainingExamples * tokensPerExample * epochs * trainingPerMillion) / 1e6;
  const dataPrep = trainingExamples * dataPrepHoursPerExample * hourlyRateUsd;
  const retrain = training + retrainDataShare * dataPrep;
  if (options.dataPrepHoursPerExample === undefined) assumptions.push(`data preparation ${dataPrepHoursPerExample} h per example at $${hourlyRateUsd}/h (the seeds: 1,000 examples take a domain expert 2–4 weeks)`);
  assumptions.push(`training ${trainingExamples} examples × ${tokensPerExample} tokens × ${epochs} epochs at $${trainingPerMillion}/M tokens; one-time costs spread over ${amortizeMonths} months`);
  if (options.retrievalInfraPerMonth === undefined) assumptions.push(`retrieval infrastructure $${retrievalInfraPerMonth}/month (index hosting, embedding calls)`);
  if (selfHosted) assumptions.push(`self-hosted: $${hostingPerMonth}/month GPU hosting per deployed model`);

  const option = (name: CostOptionName, key: string, t: { inputTokens: number; outputTokens: number }, breakdown: Record<string, number>, oneTimeUsd: number): CostOption => {
    const perQueryUsd = perQuery(key, t);
    const fixedPerMonthUsd = Object.values(breakdown).reduce((a, b) => a + b, 0);
    return { name, label: labels[name], model: key, ...t, perQueryUsd, fixedPerMonthUsd, oneTimeUsd, monthlyUsd: fixedPerMonthUsd + queriesPerMonth * perQueryUsd, breakdown };
  };
  const amortised = (dataPrep + training) / amortizeMonths;
  const options_: CostOption[] = [
    option('rag', model, ragTokens, { retrievalInfra: retrievalInfraPerMonth, hosting: selfHosted ? hostingPerMonth : 0 }, 0),
    option('fine-tuned', tunedModel, bareTokens, { hosting: hostingPerMonth, amortisedOneTime: amortised, retraining: retrainsPerMonth * retrain }, dataPrep + training),
    option('hybrid', tunedModel, ragTokens, { retrievalInfra: retrievalInfraPerMonth, hosting: hostingPerMonth, amortisedOneTime: amortised }, dataPrep + training),
  ];
  const breakEven = _breakEvens(options_);
  const crossings = breakEven.map((b) => b.queriesPerMonth).filter((q): q is number => q !== null && q < 1e10);
  const xMax = _niceCeil(Math.max(2 * queriesPerMonth, 1.3 * Math.max(0, ...crossings), 1000));
  const chart = { xMax, series: options_.map((o) => ({ name: o.name, points: Array.from({ length: 41 }, (_, i): [number, number] => [(xMax * i) / 40, o.fixedPerMonthUsd + ((xMax * i) / 40) * o.perQueryUsd]) })) };
  const cheapest = [...options_].sort((a, b) => a.monthlyUsd - b.monthlyUsd)[0]!.name;
  return { options: options_, breakEven, queriesPerMonth, cheapest, chart, assumptions };
}

function _breakEvens(options: CostOption[]): BreakEven[] {
  const out: BreakEven[] = [];
  for (let i = 0; i < options.length; i++) {
    for (let j = i + 1; j < options.length; j++) {
      const a = options[i]!;
      const b = options[j]!;
      const dp = a.perQueryUsd - b.perQueryUsd;
      const q = dp === 0 ? null : (b.fixedPerMonthUsd - a.fixedPerMonthUsd) / dp;
      if (q !== null && q > 0 && Number.isFinite(q)) {
        const [low, high] = a.fixedPerMonthUsd <= b.fixedPerMonthUsd ? [a, b] : [b, a];
        out.push({ a: a.name, b: b.name, queriesPerMonth: q, monthlyUsd: a.fixedPerMonthUsd + q * a.perQueryUsd, note: `${low.name} is cheaper below ${_fmt(q)} queries/month, ${high.name} above` });
      } else {
        const cheaper = a.fixedPerMonthUsd + a.perQueryUsd <= b.fixedPerMonthUsd + b.perQueryUsd ? a : b;
        out.push({ a: a.name, b: b.name, queriesPerMonth: null, monthlyUsd: null, note: `${cheaper.name} is cheaper than ${cheaper === a ? b.name : a.name} at every volume` });
      }
    }
  }
  return out;
}

function _niceCeil(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((v) => v >= x) ?? 10 * p;
}

