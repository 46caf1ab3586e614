/**
 * The decision: the diagnosis of an evaluation run combined with the team's answers to the seeds' questions
 * and a cost model, turned into a recommendation (prompt, RAG, fine-tuning or the hybrid) with its reasons.
 */
import type { PriceTable } from './answer.js';
import type { EvalMode, Recommendation } from './evaluation.js';

/** How often the knowledge the answers depend on changes. */
export type ChangeFrequency = 'never' | 'yearly' | 'quarterly' | 'monthly' | 'weekly' | 'daily' | 'continuous';

/** The team's answers to the seeds' questions. */
export interface Questionnaire {
  /** How often the facts change. @default 'monthly' */
  knowledgeChanges: ChangeFrequency;
  /** Whether answers must cite sources (auditability, compliance). @default 'preferred' */
  citations: 'required' | 'preferred' | 'not-needed';
  /** End-to-end latency budget per answer in milliseconds; null = no budget. @default null */
  latencyBudgetMs: number | null;
  /** Data may not leave the premises: no hosted model APIs. @default false */
  onPrem: boolean;
  /** Expected queries per month. @default 10000 */
  queriesPerMonth: number;
  /** Labelled input/output examples of the desired behaviour available for fine-tuning. @default 0 */
  labelledExamples: number;
}

/** Tokens, latency and cost per query of one mode, measured from a run. */
export interface ModeMeasurement {
  mode: EvalMode;
  /** Results measured. */
  n: number;
  /** Mean input (prompt) tokens per query. */
  inputTokens: number;
  /** Mean output tokens per query. */
  outputTokens: number;
  /** Median and 95th percentile of `answer.latencyMs.total`, when recorded. */
  latencyMsP50?: number;
  latencyMsP95?: number;
  /** Mean measured cost per query (US dollars), when the run priced its model. */
  costUsd?: number;
}

/** Inputs of `costModel()`; every price and rate is overridable, the defaults are documented with their date. */
export interface CostInputs {
  /** Price-table key of the base model answering in RAG mode. @default 'openai:gpt-4o-mini' (or 'self-hosted:8b' on-prem) */
  model?: string;
  /** Price-table key of the fine-tuned model. @default 'openai:ft:gpt-4o-mini' (or 'self-hosted:8b' on-prem) */
  tunedModel?: string;
  /** Merged over the default price table. */
  prices?: PriceTable;
  /** Tokens per query per mode; overrides what was measured from the run. */
  tokens?: Partial<Record<EvalMode, { inputTokens: number; outputTokens: number }>>;
  /** Vector store, embedding calls and index hosting, US dollars per month. @default 50 */
  retrievalInfraPerMonth?: number;
  /** Hosting of a model that is not billed per token (self-hosted GPU), US dollars per month per model. @default 0 on APIs, 730 on-prem */
  hostingPerMonth?: number;
  /** Self-hosted deployment: the base model needs hosting too. @default false */
  selfHosted?: boolean;
  /** Training examples. @default 1000 */
  trainingExamples?: number;
  /** Tokens per training example. @default the closed-book input + output tokens per query (measured, else 250) */
  tokensPerExample?: number;
  /** @default 3 */
  epochs?: number;
  /** Training price, US dollars per million training tokens. @default 3 (OpenAI gpt-4o-mini fine-tuning) */
  trainingPerMillion?: number;
  /** Expert time to write and review one training example, hours. @default 0.1 (the seeds: 1,000 examples ≈ 2–4 expert weeks) */
  dataPrepHoursPerExample?: number;
  /** US dollars per expert hour. @default 75 */
  hourlyRateUsd?: number;
  /** Months over which one-time costs (data preparation, first training run) are spread. @default 12 */
  amortizeMonths?: number;
  /** Retraining runs per month the fine-tuned-only option needs to keep facts current. @default 0 */
  retrainsPerMonth?: number;
  /** Share of the data preparation redone per retraining run. @default 0.1 */
  retrainDataShare?: number;
  /** Queries per month the comparison is made at. @default 10000 */
  queriesPerMonth?: number;
}

export type CostOptionName = 'rag' | 'fine-tuned' | 'hybrid';

/** One architecture's cost: monthly cost = fixedPerMonthUsd + queries × perQueryUsd. */
export interface CostOption {
  name: CostOptionName;
  label: string;
  /** Model price key and tokens per query the option is priced with. */
  model: string;
  inputTokens: number;
  outputTokens: number;
  perQueryUsd: number;
  /** Infrastructure, hosting, amortised one-time costs and retraining, per month. */
  fixedPerMonthUsd: number;
  /** Data preparation and the first training run. */
  oneTimeUsd: number;
  /** Monthly cost at the questionnaire's volume. */
  monthlyUsd: number;
  breakdown: Record<string, number>;
}

/** The volume at which two options cost the same; null when one is cheaper at every volume. */
export interface BreakEven {
  a: CostOptionName;
  b: CostOptionName;
  queriesPerMonth: number | null;
  /** Monthly cost at the crossing. */
  monthlyUsd: number | null;
  note: string;
}

export interface CostModel {
  options: CostOption[];
  breakEven: BreakEven[];
  queriesPerMonth: number;
  cheapest: CostOptionName;
  /** Monthly cost per option over query volume, for a chart: points are [queries per month, US dollars per month]. */
  chart: { series: Array<{ name: CostOptionName; points: Array<[number, number]> }>; xMax: number };
  /** Date of the default price table and every default that was used. */
  assumptions: string[];
}

/** One factor behind a decision. */
export interface DecisionReason {
  factor: 'diagnosis' | 'knowledge-changes' | 'citations' | 'latency' | 'privacy' | 'volume' | 'labelled-examples' | 'cost' | 'answerer';
  /** What the factor argues for; 'neutral' when it only informs. */
  favours: Recommendation | 'neutral';
  text: string;
}

/** The result of `decide()`. */
export interface Decision {
  recommendation: Recommendation;
  /** One paragraph a person can act on. */
  summary: string;
  reasons: DecisionReason[];
  /** Concrete next steps (from the diagnosis actions and the answers). */
  nextSteps: string[];
  answers: Questionnaire;
  /** Questions that were not answered and took their default. */
  assumed: Array<keyof Questionnaire>;
  measurements: ModeMeasurement[];
  costs: CostModel;
  diagnosis: { runId: string; primary: Recommendation; uncertainty: string; /** `extractive` or `provider:modelId`. */ answerer?: string };
}
