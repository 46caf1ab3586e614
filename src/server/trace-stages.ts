/**
 * Pipeline stages → OpenTelemetry spans and Prometheus histograms. The library reports each stage's wall
 * time (retrieval trace, answer latencies); the server turns them into child spans laid end to end from
 * the request's start, with hit-count, token and cost attributes. Nothing global: the tracer is passed in.
 */
import { context, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { Answer } from '../spec/answer.js';
import type { RetrievalTrace } from '../spec/retrieve.js';
import type { ServerMetrics } from './metrics.js';

export interface StageReport {
  tracer?: Tracer;
  parent?: Span;
  metrics: ServerMetrics;
  /** Epoch ms the pipeline started. */
  startedAt: number;
}

function _child(r: StageReport, name: string, start: number, ms: number, attributes: Record<string, number | string | boolean>): void {
  r.metrics.stageSeconds.observe({ stage: name }, ms / 1000);
  if (!r.tracer) return;
  const ctx = r.parent ? trace.setSpan(context.active(), r.parent) : context.active();
  const span = r.tracer.startSpan(`fathom.${name}`, { startTime: start, attributes }, ctx);
  span.end(start + ms);
}

/** A `retrieve` span with one child per retriever / step (bm25, vector, fuse, rerank, mmr, expand…). */
export function reportRetrieval(r: StageReport, t: RetrievalTrace, hits: number, totalMs?: number): number {
  const total = totalMs ?? t.stages.reduce((s, x) => s + x.ms, 0);
  r.metrics.stageSeconds.observe({ stage: 'retrieve' }, total / 1000);
  if (!r.tracer) {
    for (const st of t.stages) r.metrics.stageSeconds.observe({ stage: st.name }, st.ms / 1000);
    return r.startedAt + total;
  }
  const ctx = r.parent ? trace.setSpan(context.active(), r.parent) : context.active();
  const span = r.tracer.startSpan('fathom.retrieve', { startTime: r.startedAt, attributes: { 'fathom.mode': t.mode, 'fathom.hits': hits, 'fathom.sufficiency': t.sufficiency } }, ctx);
  let at = r.startedAt;
  // bm25 and vector run in parallel: both start at the retrieval's start.
  for (const s of t.stages) {
    const start = s.name === 'bm25' || s.name === 'vector' ? r.startedAt : at;
    _child({ ...r, parent: span }, s.name, start, s.ms, { 'fathom.hits': s.count });
    at = Math.max(at, start + s.ms);
  }
  span.end(r.startedAt + total);
  return r.startedAt + total;
}

/** retrieve (with its steps), generate and verify spans of an answer, plus answer metrics. */
export function reportAnswer(r: StageReport, a: Answer): void {
  const at = a.trace ? reportRetrieval(r, a.trace, a.sources.length, a.latencyMs.retrieve) : r.startedAt;
  const gen = a.latencyMs.generate ?? 0;
  _child(r, 'generate', at, gen, { 'fathom.model': a.model, 'gen_ai.usage.input_tokens': a.usage.inputTokens, 'gen_ai.usage.output_tokens': a.usage.outputTokens, 'fathom.cost_usd': a.costUsd ?? 0, 'fathom.abstained': a.abstained });
  if (a.latencyMs.verify !== undefined) _child(r, 'verify', at + gen, a.latencyMs.verify, { 'fathom.citations': a.citations.length, 'fathom.unsupported_claims': a.unsupportedClaims.length });
  r.metrics.answers.inc({ abstained: String(a.abstained) });
  if (a.usage.inputTokens) r.metrics.tokens.inc({ kind: 'prompt' }, a.usage.inputTokens);
  if (a.usage.outputTokens) r.metrics.tokens.inc({ kind: 'completion' }, a.usage.outputTokens);
  if (a.costUsd) r.metrics.costUsd.inc(a.costUsd);
}
