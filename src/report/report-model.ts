import type { Decision } from '../spec/decision.js';
import type { Diagnosis, EvalMode, EvalRun, FailureClass, MetricValues, RetrievalFix, RunComparison } from '../spec/evaluation.js';

/** One item in one mode, as every report format shows it. */
export interface ReportRow {
  itemId: string;
  mode: EvalMode;
  correct: boolean;
  abstained: boolean;
  question: string;
  answer: string;
  expected: string[];
  answerable: boolean;
  tags: string[];
  classes: FailureClass[];
  evidence: string;
  retrievalFix?: RetrievalFix;
  /** The sources the answer saw, each named by its document id (the chunk id, when known, is secondary). */
  sources: Array<{ n: number; title: string; documentId?: string; chunkId?: string }>;
  /** What the item expects: document ids, chunk ids, or `doc [start–end]` spans. */
  expectedSources: string[];
  metrics: MetricValues;
  error?: string;
}

/**
 * Everything a report shows, computed once: the JSON report is this object, and the Markdown and HTML
 * renderings only format it, so their numbers equal the JSON's.
 */
export interface ReportModel {
  format: 'fathom-report';
  version: 1;
  run: { id: string; createdAt: string; dataset: EvalRun['dataset']; modes: EvalMode[]; configHash: string; model?: string; notMeasured?: EvalRun['notMeasured'] };
  /** Share of items correct per mode (answerable and unanswerable alike). */
  accuracy: Partial<Record<EvalMode, { correct: number; total: number; share: number }>>;
  /**
   * Metric means per mode, from the run summary; `[0, 1]` metrics first, then the rest (latency, cost). `accuracy`
   * is not repeated here (see `accuracy`) and neither is the per-item `correct` nor the `items` count. `direction`
   * says which way is better: `neutral` for shares such as `abstained` (right for unanswerable items, wrong for
   * answerable ones), which charts of "higher is better" leave out.
   */
  metrics: Array<{ metric: string; unitInterval: boolean; direction: 'higher' | 'lower' | 'neutral'; values: Partial<Record<EvalMode, number>> }>;
  rows: ReportRow[];
  diagnosis?: Diagnosis;
  comparison?: RunComparison;
  decision?: Decision;
}

export interface ReportInput {
  run: EvalRun;
  diagnosis?: Diagnosis;
  comparison?: RunComparison;
  decision?: Decision;
}

/** Build the report model of a run (and its diagnosis, comparison and decision when given). */
export function reportModel({ run, diagnosis, comparison, decision }: ReportInput): ReportModel {
  const golden = new Map((run.items ?? []).map((i) => [i.id, i]));
  const diag = new Map((diagnosis?.items ?? []).map((d) => [d.itemId, d]));
  const accuracy: ReportModel['accuracy'] = {};
  for (const mode of run.modes) {
    const rs = run.results.filter((r) => r.mode === mode);
    if (rs.length) accuracy[mode] = { correct: rs.filter((r) => r.correct).length, total: rs.length, share: rs.filter((r) => r.correct).length / rs.length };
  }
  const names = [...new Set(run.modes.flatMap((m) => Object.keys(run.summary?.[m] ?? {})))].filter((n) => !['accuracy', 'correct', 'items'].includes(n));
  const metrics = names.map((metric) => {
    const values: Partial<Record<EvalMode, number>> = {};
    for (const m of run.modes) {
      const v = run.summary?.[m]?.[metric];
      if (typeof v === 'number' && Number.isFinite(v)) values[m] = v;
    }
    const unitInterval = Object.values(values).every((v) => v >= 0 && v <= 1) && !/latency|cost|tokens/i.test(metric);
    return { metric, unitInterval, direction: _direction(metric), values };
  }).filter((m) => Object.keys(m.values).length > 0).sort((a, b) => Number(b.unitInterval) - Number(a.unitInterval));
  const rows: ReportRow[] = run.results.map((r) => {
    const g = golden.get(r.itemId);
    const d = diag.get(r.itemId);
    return {
      itemId: r.itemId, mode: r.mode, correct: r.correct, abstained: r.answer.abstained, question: g?.question ?? r.answer.question, answer: r.answer.text,
      expected: g?.answers ?? [], answerable: g?.answerable ?? true, tags: g?.tags ?? [], classes: d?.classes ?? [], evidence: d?.evidence ?? '',
      ...(d?.retrievalFix ? { retrievalFix: d.retrievalFix } : {}),
      sources: r.answer.sources.map((s) => ({ n: s.n, title: s.title, documentId: s.documentId ?? s.hit?.document.id, chunkId: s.chunkId })),
      expectedSources: (g?.sources ?? []).map((s) => ('chunkId' in s ? s.chunkId : 'start' in s ? `${s.documentId} [${s.start}–${s.end}]` : s.documentId)),
      metrics: r.metrics, ...(r.error ? { error: `${r.error.code}: ${r.error.message}` } : {}),
    };
  });
  const named = run.answerer ?? run.config?.answerer ?? run.config?.model;
  const model = typeof named === 'string' ? named : undefined;
  return {
    format: 'fathom-report', version: 1,
    run: { id: run.id, createdAt: new Date(run.createdAt).toISOString(), dataset: run.dataset, modes: run.modes, configHash: run.configHash, ...(model ? { model } : {}), ...(run.notMeasured ? { notMeasured: run.notMeasured } : {}) },
    accuracy, metrics, rows, diagnosis, comparison, decision,
  };
}

/** Which way a metric is better. */
function _direction(metric: string): 'higher' | 'lower' | 'neutral' {
  if (/^abstained$|tokens/.test(metric)) return 'neutral';
  if (/latency|cost|error_rate/.test(metric)) return 'lower';
  return 'higher';
}
