import type { EvalItemResult, EvalMode, FailureClass, GoldenItem, ItemDiagnosis, RetrievalFix } from '../spec/evaluation.js';
import { _matchSources } from './_sources.js';
import { _metric } from './_metric.js';

/** Thresholds of the diagnosis; each has a default. */
export interface DiagnoseThresholds {
  /** Faithfulness below this makes a correct RAG answer a grounding failure. @default 0.5 */
  faithfulness?: number;
  /** Sources shown to the model; an expected source ranked deeper was a candidate but never shown. @default the answer's source count, else 5 */
  k?: number;
  /** Top-score margin (retrieval trace) below which candidates count as ambiguous. @default 0.05 */
  ambiguousMargin?: number;
  /** Share of items a group of classes needs to drive the recommendation. @default 0.1 */
  minShare?: number;
  /** Items a group of classes needs to drive the recommendation. @default 2 */
  minCount?: number;
  /** Closed-book accuracy at which no new machinery is needed. @default 0.9 */
  closedBookEnough?: number;
}

export interface ClassifyItemOptions {
  itemId: string;
  /** The golden item (answerable flag, expected sources); absent = answerable, sources unknown. */
  item?: GoldenItem;
  results: Partial<Record<EvalMode, EvalItemResult>>;
  thresholds?: DiagnoseThresholds;
  /** What answered (`extractive` or `provider:modelId`): with `extractive`, oracle failures are the answerer's limit, not a behaviour to fine-tune. */
  answerer?: string;
}

/**
 * Classify one item from its closed-book, RAG and oracle results and its retrieval trace.
 *
 * Retrieval-fix rules for a retrieval miss, first match wins:
 * 1. the expected span overlaps retrieved chunks but no chunk holds all of it → `chunking`;
 * 2. the expected source is among the candidates but ranked below k → `reranking`;
 * 3. its document was retrieved but not the chunk holding the answer → `parent-child`;
 * 4. not a candidate and the top scores nearly tie (trace margin < ambiguousMargin) → `contextual-retrieval`;
 * 5. not a candidate → `hybrid-search` (low recall at k: BM25 + vectors, more candidates).
 */
export function classifyItem({ itemId, item, results, thresholds = {}, answerer }: ClassifyItemOptions): ItemDiagnosis {
  const extractive = answerer === 'extractive';
  const { faithfulness: minFaith = 0.5, ambiguousMargin = 0.05 } = thresholds;
  const { 'closed-book': cb, rag, oracle } = results;
  const primary = rag ?? cb ?? oracle;
  if (!primary) return { itemId, classes: [], evidence: 'no results' };
  const classes = new Set<FailureClass>();
  const why: string[] = [];
  let retrievalFix: RetrievalFix | undefined;

  if (item && !item.answerable) {
    const answered = [rag, cb].find((r) => r && !r.answer.abstained) ?? (!rag && !cb && !oracle?.answer.abstained ? oracle : undefined);
    if (answered) {
      classes.add('hallucination-on-unanswerable');
      why.push(`unanswerable, but ${answered.mode} answered "${_clip(answered.answer.text)}" instead of abstaining`);
    }
    return _done(itemId, classes, why.length ? why : ['unanswerable and abstained']);
  }

  for (const r of [rag ?? cb, oracle]) {
    if (!r) continue;
    const format = _metric(r.metrics, 'formatConsistency');
    if (format === 0) {
      classes.add('format-failure');
      why.push(`${r.mode} output does not validate against the schema`);
    }
    const adherence = _metric(r.metrics, 'constraintAdherence');
    if (adherence !== undefined && adherence < 1) {
      classes.add('constraint-failure');
      why.push(`${r.mode} breaks ${Math.round((1 - adherence) * 100)}% of the constraints`);
    }
  }

  if (primary.correct) {
    if (rag && cb && !cb.correct) {
      classes.add('knowledge-gap-closed-by-rag');
      why.push('closed-book wrong, RAG right');
    }
    const faith = rag ? _faithfulness(rag) : undefined;
    if (faith !== undefined && faith < minFaith) {
      classes.add('grounding-failure');
      why.push(`RAG right but unfaithful (faithfulness ${faith.toFixed(2)})`);
    }
    // A correct answer passes whatever closed-book did; only its own failures (format, rules, grounding) stop that.
    if (!['grounding-failure', 'format-failure', 'constraint-failure'].some((c) => classes.has(c as FailureClass))) classes.add('passing');
  } else if (oracle && !oracle.correct && _lostInIngestion(item, oracle)) {
    classes.add('ingestion-loss');
    why.push(`the expected answer ("${_clip(item!.answers[0]!, 40)}") is not in the stored text of ${item!.sources.map((s) => ('documentId' in s ? s.documentId : s.chunkId)).join(', ')}: the loader lost it (check \`fathom docs show <id> --text\`)`);
  } else if (oracle && !oracle.correct) {
    const gap: FailureClass = oracle.answer.abstained ? 'over-abstention' : extractive ? 'answerer-limit' : 'behaviour-gap';
    classes.add(gap);
    why.push(oracle.answer.abstained ? 'abstained even with the expected sources in the prompt' : `wrong even with the oracle prompt ("${_clip(oracle.answer.text)}")${extractive ? ': the extractive answerer picked the wrong phrase' : ''}`);
  } else if (!rag) {
    classes.add(oracle ? 'knowledge-gap-closed-by-rag' : 'behaviour-gap');
    why.push(oracle ? 'closed-book wrong, oracle right: the information closes it (no RAG run)' : 'closed-book wrong (no RAG or oracle run)');
  } else {
    const k = thresholds.k ?? (rag.answer.sources.length || 5);
    const list = rag.retrieved ?? rag.answer.sources.map((s) => ({ documentId: s.documentId ?? '', chunkId: s.chunkId ?? '', score: s.hit?.score ?? 0, start: s.start, end: s.end }));
    const expected = item?.sources ?? [];
    const match = expected.length ? _matchSources(expected, list) : undefined;
    const shown = match ? match.rank !== null && match.rank <= k : false;
    const shownSome = match ? match.ranks.filter((r) => r !== null && r <= k).length : 0;
    const oracleNote = oracle ? 'oracle right, ' : '';
    if (match && shown) {
      classes.add(rag.answer.abstained ? 'over-abstention' : 'grounding-failure');
      why.push(`${oracleNote}expected source${expected.length > 1 ? 's' : ''} at rank ${match.rank}, RAG ${rag.answer.abstained ? 'abstained anyway' : `still wrong ("${_clip(rag.answer.text)}")`}`);
    } else if (match && shownSome > 0) {
      classes.add('partial-retrieval');
      const missing = expected.filter((_, j) => match.ranks[j] === null || match.ranks[j]! > k).map((s) => ('chunkId' in s ? s.chunkId : s.documentId));
      why.push(`${oracleNote}${shownSome} of ${expected.length} expected sources in the context; missing ${missing.join(', ')}`);
    } else {
      classes.add('retrieval-miss');
      if (!match) why.push(`${oracleNote}RAG wrong; expected sources unknown`);
      else {
        const margin = rag.answer.trace?.sufficiencyFeatures.margin;
        const fix = (f: RetrievalFix, text: string): void => void ((retrievalFix = f), why.push(`${oracleNote}${text}`));
        if (match.split) fix('chunking', 'the expected span is split across chunk boundaries');
        else if (match.rank !== null) fix('reranking', `expected source ranked ${match.rank}, below the ${k} shown`);
        else if (match.docRank !== null) fix('parent-child', `right document (rank ${match.docRank}), wrong chunk`);
        else if (margin !== undefined && margin < ambiguousMargin) fix('contextual-retrieval', `not retrieved; top candidates nearly tied (margin ${margin.toFixed(3)}): chunks lack context`);
        else fix('hybrid-search', `not among the ${list.length} candidates${rag.answer.trace ? ` (${rag.answer.trace.mode} retrieval)` : ''}: low recall at k`);
      }
    }
  }
  return { ..._done(itemId, classes, why), ...(retrievalFix ? { retrievalFix } : {}) };
}

/** Oracle context built from the store (no `context` passages) holding less than half of any reference answer's words. */
function _lostInIngestion(item: GoldenItem | undefined, oracle: EvalItemResult): boolean {
  const inContext = oracle.metrics.answer_in_context;
  return !!item && item.answers.length > 0 && item.sources.length > 0 && !item.context?.length && inContext !== undefined && inContext < 0.5;
}

function _faithfulness(r: EvalItemResult): number | undefined {
  const f = _metric(r.metrics, 'faithfulness');
  if (f !== undefined) return f;
  const claims = r.answer.unsupportedClaims.length;
  return claims > 0 ? 0 : undefined;
}

function _done(itemId: string, classes: Set<FailureClass>, why: string[]): ItemDiagnosis {
  return { itemId, classes: classes.size ? [...classes] : ['passing'], evidence: why.join('; ') || 'correct' };
}

function _clip(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
