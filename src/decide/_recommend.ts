import type { Diagnosis, EvalMode, EvalRun, FailureClass, GoldenItem, ItemDiagnosis, Recommendation, RetrievalFix } from '../spec/evaluation.js';
import type { DiagnoseThresholds } from './classify-item.js';
import { _promptAdvice } from './_prompt-advice.js';
import { _shareText, _wilson } from './_wilson.js';

type Action = Diagnosis['recommendation']['actions'][number];

const fixWhy: Record<RetrievalFix, string> = {
  chunking: 'the answer is split across chunk boundaries: chunk at headings/paragraphs (structure or semantic chunker) or add overlap',
  reranking: 'the right chunk is a candidate but ranked below what the model sees: rerank the top 50 with a cross-encoder',
  'parent-child': 'the right document is found but not the chunk holding the answer: index small chunks, return their parent section',
  'contextual-retrieval': 'the top candidates are nearly tied and interchangeable: prepend document context to each chunk before indexing',
  'hybrid-search': 'the expected source is not among the candidates (low recall at k): combine BM25 and vectors and fetch more candidates',
};

/** Recommendation from the item classes; the rules are written in the README section "How the diagnosis decides". */
export function _recommend({ run, items, golden, thresholds, answerer }: { run: EvalRun; items: ItemDiagnosis[]; golden: Map<string, GoldenItem>; thresholds: DiagnoseThresholds; answerer?: string }): Diagnosis['recommendation'] {
  const extractive = answerer === 'extractive';
  const { minShare = 0.1, minCount = 2, closedBookEnough = 0.9 } = thresholds;
  const n = items.length;
  const ids = (...cs: FailureClass[]): string[] => items.filter((d) => d.classes.some((c) => cs.includes(c))).map((d) => d.itemId);
  const significant = (list: string[]): boolean => list.length >= minCount && list.length / Math.max(n, 1) >= minShare;
  const closed = ids('knowledge-gap-closed-by-rag');
  const retrieval = ids('retrieval-miss', 'partial-retrieval', 'grounding-failure');
  const knowledge = ids('knowledge-gap-closed-by-rag', 'retrieval-miss', 'partial-retrieval', 'grounding-failure');
  // With the extractive answerer nothing can be fine-tuned: its oracle failures are the answerer's limit.
  const behaviour = ids('behaviour-gap', 'answerer-limit', 'format-failure', 'constraint-failure');
  const ingestion = ids('ingestion-loss');
  const abstention = ids('over-abstention', 'hallucination-on-unanswerable');
  const accuracy = (mode: EvalMode): { correct: number; total: number } | undefined => {
    const rs = run.results.filter((r) => r.mode === mode && golden.get(r.itemId)?.answerable !== false);
    return rs.length ? { correct: rs.filter((r) => r.correct).length, total: rs.length } : undefined;
  };
  const evidence: string[] = [];
  if (answerer) evidence.push(`answerer: ${answerer}${extractive ? ' (quotes the sources; no prompt, no weights)' : ''}`);
  for (const mode of ['closed-book', 'rag', 'oracle'] as const) {
    const a = accuracy(mode);
    if (a) evidence.push(`${mode}: correct on ${_shareText(a.correct, a.total, 'answerable items')}`);
    else if (run.notMeasured?.[mode]) evidence.push(`${mode}: ${run.notMeasured[mode]}`);
  }
  const groups: Array<[string, string[]]> = [['knowledge gaps closed by RAG', closed], ['retrieval misses, partial retrievals and grounding failures', retrieval], [extractive ? 'answerer failures (oracle wrong, format, constraints)' : 'behaviour failures (oracle wrong, format, constraints)', behaviour], ['ingestion losses', ingestion], ['abstention errors', abstention]];
  for (const [label, list] of groups) if (list.length) evidence.push(`${label}: ${_shareText(list.length, n)}`);

  const cb = accuracy('closed-book');
  const closedBookFine = cb !== undefined && cb.correct / cb.total >= closedBookEnough && !significant(behaviour);
  let primary: Recommendation;
  if (n === 0) primary = 'none';
  else if (closedBookFine) primary = 'better-prompt';
  else if (extractive && significant(behaviour) && (!significant(knowledge) || behaviour.length >= knowledge.length)) primary = 'generative-model';
  else if (extractive && significant(knowledge)) primary = retrieval.length >= closed.length ? 'retrieval-fix' : 'rag';
  else if (significant(behaviour) && significant(knowledge)) primary = 'hybrid';
  else if (significant(behaviour)) primary = 'fine-tuning';
  else if (significant(knowledge)) primary = retrieval.length >= closed.length ? 'retrieval-fix' : 'rag';
  else if (behaviour.length || abstention.length || knowledge.length) primary = 'better-prompt';
  else primary = 'none';

  const actions: Action[] = [];
  if (closedBookFine) actions.push({ kind: 'better-prompt', why: `the model already answers ${cb.correct} of ${cb.total} closed-book: keep to prompt engineering, no retrieval or fine-tuning needed` });
  if (closed.length) actions.push({ kind: 'rag', why: `retrieval supplies the missing facts: closed-book wrong, RAG right on ${closed.length} items`, itemIds: closed });
  const fixes = new Map<RetrievalFix, string[]>();
  for (const d of items) if (d.retrievalFix) fixes.set(d.retrievalFix, [...(fixes.get(d.retrievalFix) ?? []), d.itemId]);
  for (const [fix, list] of [...fixes].sort((a, b) => b[1].length - a[1].length)) actions.push({ kind: fix, why: `${list.length} retrieval ${list.length === 1 ? 'miss' : 'misses'}: ${fixWhy[fix]}`, itemIds: list });
  const partial = ids('partial-retrieval');
  if (partial.length) actions.push({ kind: 'retrieval-fix', why: `${partial.length} items got only some of their expected sources: retrieve more candidates, or in two hops (the first hop's passages name the second query's entities)`, itemIds: partial });
  if (ingestion.length) actions.push({ kind: 'retrieval-fix', why: `${ingestion.length} items' expected answers are missing from the stored documents: the loader lost the text (tables, images, scanned pages?) — check \`fathom docs show <id> --text\` and fix ingestion before anything else`, itemIds: ingestion });
  const grounding = ids('grounding-failure');
  if (grounding.length) actions.push({ kind: 'better-prompt', why: `${grounding.length} grounding failures (source shown, answer wrong or unsupported): instruct to answer only from the sources, show fewer, better-ordered chunks`, itemIds: grounding });
  const format = ids('format-failure');
  const constraint = ids('constraint-failure');
  const gap = ids('behaviour-gap');
  if (format.length || constraint.length) actions.push({ kind: 'better-prompt', why: 'state the format and rules explicitly, request structured output against the schema, add few-shot examples; fine-tune if failures persist', itemIds: [...new Set([...format, ...constraint])] });
  const limit = ids('answerer-limit');
  if (extractive && behaviour.length) {
    const oracle = accuracy('oracle');
    actions.unshift({ kind: 'generative-model', why: `the answerer is the limit: configure a generative model (\`generation\` in fathom.config.json, or --model). ${limit.length} items are wrong even with the expected sources in the prompt${oracle ? ` (oracle correct on ${oracle.correct} of ${oracle.total})` : ''}; the extractive answerer quotes sentences and has no prompt or weights to improve, so fine-tuning does not apply`, itemIds: behaviour });
  }
  if (!extractive && format.length && significant(behaviour)) actions.push({ kind: 'fine-tuning', why: `fine-tune for format: ${format.length} answers do not validate against the schema, even with the oracle prompt`, itemIds: format });
  if (!extractive && constraint.length && significant(behaviour)) actions.push({ kind: 'fine-tuning', why: `fine-tune for constraint-following (SFT, or DPO with rejected outputs): ${constraint.length} answers break declared rules`, itemIds: constraint });
  if (gap.length) actions.push({ kind: significant(behaviour) ? 'fine-tuning' : 'better-prompt', why: `${gap.length} items wrong even with the perfect prompt: a behaviour gap${significant(behaviour) ? ' — train on corrected examples like these' : ' — too few for fine-tuning; fix with instructions or examples'}`, itemIds: gap });
  const halluc = ids('hallucination-on-unanswerable');
  if (halluc.length) actions.push({ kind: 'better-prompt', why: extractive ? `${halluc.length} unanswerable items answered: raise the sufficiency threshold — \`fathom calibrate <golden.jsonl>\` fits it on your answerable and unanswerable items` : `${halluc.length} unanswerable items answered: raise the abstention threshold (\`fathom calibrate\`) and instruct to say "I don't know"; fine-tune refusals (DPO) if that fails`, itemIds: halluc });
  const over = ids('over-abstention');
  if (over.length) actions.push({ kind: 'better-prompt', why: `${over.length} answerable items abstained with the source in the prompt: lower the abstention threshold (\`fathom calibrate\`, or --min-sufficiency)`, itemIds: over });

  const prompt = _promptAdvice(run);
  evidence.push(...prompt.evidence);
  if (prompt.action && n > 0) {
    actions.unshift(prompt.action);
    primary = 'better-prompt';
  }
  return { primary, actions, evidence, uncertainty: _uncertainty({ n, primary, behaviour, knowledge, minShare }) };
}

function _uncertainty({ n, primary, behaviour, knowledge, minShare }: { n: number; primary: Recommendation; behaviour: string[]; knowledge: string[]; minShare: number }): string {
  if (n === 0) return 'No items: nothing can be concluded.';
  const parts = [`Based on ${n} items.`];
  const driving: Array<[string, string[]]> = [];
  if (primary === 'hybrid' || primary === 'fine-tuning' || primary === 'generative-model') driving.push([primary === 'generative-model' ? 'Answerer failures' : 'Behaviour failures', behaviour]);
  if (primary === 'hybrid' || primary === 'rag' || primary === 'retrieval-fix') driving.push(['Knowledge failures', knowledge]);
  for (const [label, list] of driving) {
    const [lo] = _wilson(list.length, n);
    parts.push(`${label}: ${_shareText(list.length, n)}${lo < minShare ? ` — the interval reaches below ${Math.round(minShare * 100)}%, so this could be noise` : ''}.`);
  }
  if (n < 30) parts.push('Fewer than 30 items: intervals are wide; add items before committing to fine-tuning.');
  else if (n < 100) parts.push('The seeds ask for 50–100 representative queries; more items would narrow the intervals.');
  return parts.join(' ');
}
