/**
 * Prometheus metrics of one server instance, in its own prom-client Registry (no global registry: two
 * servers in one process, or a test, never share counters).
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServerMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  requestSeconds: Histogram<'method' | 'route'>;
  stageSeconds: Histogram<'stage'>;
  tokens: Counter<'kind'>;
  costUsd: Counter;
  answers: Counter<'abstained'>;
}

export function createServerMetrics({ processMetrics = false }: { processMetrics?: boolean } = {}): ServerMetrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({ name: 'fathom_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers }),
    requestSeconds: new Histogram({ name: 'fathom_http_request_duration_seconds', help: 'HTTP request latency by route', labelNames: ['method', 'route'], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers }),
    stageSeconds: new Histogram({ name: 'fathom_stage_duration_seconds', help: 'Pipeline stage latency (retrieve, bm25, vector, fuse, rerank, generate, verify)', labelNames: ['stage'], buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers }),
    tokens: new Counter({ name: 'fathom_tokens_total', help: 'Model tokens by kind (prompt, completion)', labelNames: ['kind'], registers }),
    costUsd: new Counter({ name: 'fathom_cost_usd_total', help: 'Model cost in US dollars from the price table', registers }),
    answers: new Counter({ name: 'fathom_answers_total', help: 'Answers by abstention (abstained="true" / "false"); abstention rate = true / all', labelNames: ['abstained'], registers }),
  };
}
