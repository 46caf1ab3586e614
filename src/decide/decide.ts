import type { ChangeFrequency, CostInputs, Decision, DecisionReason, ModeMeasurement, Questionnaire } from '../spec/decision.js';
import type { Diagnosis, EvalRun, Recommendation } from '../spec/evaluation.js';
import { _fmt } from './_fmt.js';
import { costModel } from './cost-model.js';
import { measureRun } from './measure-run.js';
import { runAnswerer } from './run-answerer.js';
import { resolveAnswers } from './questionnaire.js';

export interface DecideOptions {
  diagnosis: Diagnosis;
  /** The team's answers; unanswered questions take `defaultAnswers` and are listed in `assumed`. */
  answers?: Partial<Questionnaire>;
  costs?: CostInputs;
  /** The run the diagnosis came from: its tokens and latency per mode feed the cost model and the latency check. */
  run?: EvalRun;
  /** Measurements when no run is given. @default measureRun({ run }) */
  measurements?: ModeMeasurement[];
}

const perMonth: Record<ChangeFrequency, number> = { never: 0, yearly: 1 / 12, quarterly: 1 / 3, monthly: 1, weekly: 4.33, daily: 30, continuous: 30 };
/** Below this many labelled examples fine-tuning results are unreliable (the seeds: 500–5,000 at minimum). */
const minExamples = 500;

/**
 * Combine a diagnosis with the seeds' questions and a cost model. The measurements say whether the gap is
 * knowledge, behaviour or both; the answers can rule an option out (facts that change weekly cannot live in
 * weights; required citations need retrieval; fewer than 500 labelled examples make fine-tuning risky) and the
 * cost model says what each option costs at the team's volume.
 */
export function decide({ diagnosis, answers: given, costs = {}, run, measurements = run ? measureRun({ run }) : [] }: DecideOptions): Decision {
  const { answers, assumed } = resolveAnswers(given);
  const primary = diagnosis.recommendation.primary;
  const knowledge = primary === 'rag' || primary === 'retrieval-fix' || primary === 'hybrid';
  let behaviour = primary === 'fine-tuning' || primary === 'hybrid';
  const answerer = diagnosis.answerer ?? (run ? runAnswerer(run) : undefined);
  const reasons: DecisionReason[] = [{ factor: 'diagnosis', favours: primary, text: `Diagnosis: ${primary}. ${diagnosis.recommendation.evidence.filter((e) => !e.startsWith('answerer:')).slice(0, 3).join('; ')}.` }];
  if (answerer) reasons.push({ factor: 'answerer', favours: answerer === 'extractive' ? 'generative-model' : 'neutral', text: answerer === 'extractive' ? 'These numbers come from the extractive answerer (quotes sentences, no model): they measure retrieval and quoting, not what a generative model would do; closed-book was not measured. Configure a generative model and re-run before deciding on fine-tuning.' : `These numbers come from ${answerer}.` });
  const nextSteps: string[] = [];
  const volatile = perMonth[answers.knowledgeChanges] >= 1;

  if (knowledge && volatile) reasons.push({ factor: 'knowledge-changes', favours: 'rag', text: `Knowledge changes ${answers.knowledgeChanges}: weights cannot be retrained at that cadence, so facts must come from retrieval.` });
  else if (volatile) reasons.push({ factor: 'knowledge-changes', favours: 'neutral', text: `Knowledge changes ${answers.knowledgeChanges}, but the evaluation shows no knowledge gap today; re-run it when the documents change.` });
  else reasons.push({ factor: 'knowledge-changes', favours: 'neutral', text: `Knowledge changes ${answers.knowledgeChanges}: stable enough that a tuned model would not go stale quickly.` });
  const citations = answers.citations === 'required';
  if (citations) reasons.push({ factor: 'citations', favours: 'rag', text: 'Citations are required: only retrieval can point each answer to the document it came from; a fine-tuned model cannot.' });
  if (behaviour && answers.labelledExamples < minExamples) {
    behaviour = false;
    reasons.push({ factor: 'labelled-examples', favours: 'better-prompt', text: `Only ${answers.labelledExamples} labelled examples (< ${minExamples}): fine-tuning would be unreliable. Fix the behaviour with instructions, structured output and few-shot examples first, and collect examples — the failing items are a start.` });
    nextSteps.push(`Collect at least ${minExamples} reviewed input/output examples of the required behaviour before fine-tuning.`);
  } else if (behaviour) reasons.push({ factor: 'labelled-examples', favours: 'fine-tuning', text: `${answers.labelledExamples} labelled examples: enough to fine-tune the behaviour (LoRA), holding out an evaluation split.` });

  const rag = measurements.find((m) => m.mode === 'rag');
  const bare = measurements.find((m) => m.mode === 'closed-book');
  if (answers.latencyBudgetMs !== null && rag?.latencyMsP95 !== undefined) {
    const over = rag.latencyMsP95 > answers.latencyBudgetMs;
    const extra = bare?.latencyMsP95 !== undefined ? ` (closed-book p95 ${Math.round(bare.latencyMsP95)} ms; RAG prompts ${Math.round(rag.inputTokens)} vs ${Math.round(bare.inputTokens)} tokens)` : '';
    reasons.push({ factor: 'latency', favours: over && !knowledge ? 'fine-tuning' : 'neutral', text: `RAG p95 latency ${Math.round(rag.latencyMsP95)} ms ${over ? 'exceeds' : 'is within'} the ${answers.latencyBudgetMs} ms budget${extra}.` });
    if (over) nextSteps.push('Cut RAG latency: fewer, shorter chunks in the prompt, a smaller or fine-tuned model, caching frequent questions.');
  } else if (answers.latencyBudgetMs !== null) reasons.push({ factor: 'latency', favours: 'neutral', text: `Latency budget ${answers.latencyBudgetMs} ms, but the run recorded no RAG latency to compare with.` });
  if (answers.onPrem) reasons.push({ factor: 'privacy', favours: 'neutral', text: 'Data must stay on-premise: use an open-weights model served locally; RAG runs on the embedded store and fine-tuning uses LoRA on the same model. Costs are priced as self-hosted.' });

  const costs_ = costModel({
    measurements, queriesPerMonth: answers.queriesPerMonth, selfHosted: answers.onPrem,
    trainingExamples: Math.max(answers.labelledExamples, 1000), retrainsPerMonth: knowledge ? perMonth[answers.knowledgeChanges] : 0, ...costs,
  });
  const cheapest = costs_.options.find((o) => o.name === costs_.cheapest)!;
  reasons.push({ factor: 'volume', favours: 'neutral', text: `At ${_fmt(answers.queriesPerMonth)} queries/month the cheapest option is ${cheapest.label} ($${cheapest.monthlyUsd.toFixed(0)}/month). ${costs_.breakEven.map((b) => b.note).join('; ')}.` });

  let recommendation: Recommendation;
  if (knowledge && behaviour) recommendation = 'hybrid';
  else if (knowledge) recommendation = 'rag';
  else if (behaviour) recommendation = citations ? 'hybrid' : 'fine-tuning';
  else recommendation = primary === 'fine-tuning' ? 'better-prompt' : primary;
  for (const a of diagnosis.recommendation.actions) nextSteps.push(`${a.kind}: ${a.why}${a.itemIds?.length ? ` (${a.itemIds.slice(0, 8).join(', ')}${a.itemIds.length > 8 ? ', …' : ''})` : ''}`);
  return {
    recommendation, summary: _summary(recommendation, primary, answers), reasons, nextSteps, answers, assumed, measurements, costs: costs_,
    diagnosis: { runId: diagnosis.runId, primary, uncertainty: diagnosis.recommendation.uncertainty, ...(answerer ? { answerer } : {}) },
  };
}

function _summary(r: Recommendation, primary: Recommendation, a: Questionnaire): string {
  const text: Record<Recommendation, string> = {
    'better-prompt': 'Improve the prompt: instructions, structured output and few-shot examples. No retrieval or fine-tuning is needed yet.',
    rag: primary === 'retrieval-fix' ? 'Use RAG and fix retrieval first: the facts are in the documents but the pipeline does not find them.' : 'Use RAG: the model lacks facts that retrieval supplies.',
    'retrieval-fix': 'Fix retrieval: the facts are in the documents but the pipeline does not find them.',
    'fine-tuning': 'Fine-tune the behaviour: the model fails even with a perfect prompt.',
    hybrid: 'Use both: retrieval for the facts, a fine-tuned model for the behaviour (format, constraints, reasoning).',
    'generative-model': 'The answerer is the limit: configure a generative model and re-run the evaluation; the extractive answerer has no prompt or weights to improve.',
    none: 'Nothing to change: the evaluation shows no failures to fix.',
  };
  return `${text[r]}${a.onPrem ? ' Run it on-premise with an open-weights model.' : ''}`;
}
