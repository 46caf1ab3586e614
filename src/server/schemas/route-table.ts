/**
 * Every route of the API with its role and request schema: the source of `/openapi.json`. The handlers
 * validate with the same schema objects.
 */
import type { Role } from '../../spec/server.js';
import { askRequestSchema, chatCompletionRequestSchema, compareRunsRequestSchema, decideRequestSchema, evalRunRequestSchema, tuneJobRequestSchema, deleteDocumentsRequestSchema, embeddingsRequestSchema, feedbackRequestSchema, ingestPathsRequestSchema, searchRequestSchema, uploadRequestSchema, documentAclRequestSchema, monitorScoreRequestSchema } from './request-schemas.js';
import { apiKeyRequestSchema } from './api-key-request-schema.js';
import { whoamiResponseSchema } from './whoami-response-schema.js';

export interface RouteInfo {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI path template. */
  path: string;
  summary: string;
  /** Least role; `null` = no credentials. */
  role: Role | null;
  body?: { schema: object; contentType?: string };
  query?: Array<{ name: string; description: string; type: 'string' | 'integer' }>;
  /** Also answers as text/event-stream. */
  sse?: boolean;
  /** The 200 body's JSON Schema (its `$id` becomes the component name). @default any object */
  response?: { schema: object };
}

export const routeTable: RouteInfo[] = [
  { method: 'get', path: '/healthz', summary: 'Liveness', role: null },
  { method: 'get', path: '/readyz', summary: 'Readiness (store reachable, models loaded, not draining)', role: null },
  { method: 'get', path: '/metrics', summary: 'Prometheus metrics', role: null },
  { method: 'get', path: '/openapi.json', summary: 'This document', role: null },
  { method: 'post', path: '/v1/search', summary: 'Search: BM25, vector or hybrid, with rerank, MMR, parent expansion, recency and filters', role: 'reader', body: { schema: searchRequestSchema } },
  { method: 'post', path: '/v1/ask', summary: 'A cited answer (or abstention); `stream: true` answers with SSE events text-delta, citations, answer', role: 'reader', body: { schema: askRequestSchema }, sse: true },
  { method: 'get', path: '/v1/documents', summary: 'Documents, ordered by id, cursor-paged', role: 'reader', query: [{ name: 'limit', description: '1–1000 (default 100)', type: 'integer' }, { name: 'cursor', description: 'nextCursor of the previous page', type: 'string' }, { name: 'filter', description: 'JSON metadata filter', type: 'string' }] },
  { method: 'get', path: '/v1/documents/{id}', summary: 'A document with its versions and chunks (`text=true` adds the current text, `text=all` every version’s)', role: 'reader' },
  { method: 'delete', path: '/v1/documents/{id}', summary: 'Delete a document with every version, chunk, vector and index entry', role: 'writer' },
  { method: 'post', path: '/v1/documents/delete', summary: 'Delete several documents', role: 'writer', body: { schema: deleteDocumentsRequestSchema } },
  { method: 'put', path: '/v1/documents/{id}/acl', summary: 'Replace who may read a document you may read: { principals, groups }, or null to open it to the tenant', role: 'writer', body: { schema: documentAclRequestSchema } },
  { method: 'post', path: '/v1/ingest', summary: 'Upload files (multipart) to ingest as a job (202)', role: 'writer', body: { schema: uploadRequestSchema, contentType: 'multipart/form-data' } },
  { method: 'post', path: '/v1/ingest/paths', summary: 'Ingest server-side paths as a job (202)', role: 'admin', body: { schema: ingestPathsRequestSchema } },
  { method: 'get', path: '/v1/jobs/{id}', summary: 'A job: status (queued, running, succeeded, failed, cancelled, interrupted), progress, result', role: 'reader' },
  { method: 'post', path: '/v1/jobs/{id}/cancel', summary: 'Cancel a job (on whichever server instance runs it)', role: 'writer' },
  { method: 'post', path: '/v1/eval/runs', summary: 'Evaluate a golden set as a job (202): closed-book, RAG and oracle answers scored; admin may evaluate as another principal', role: 'writer', body: { schema: evalRunRequestSchema } },
  { method: 'get', path: '/v1/eval/runs', summary: 'Evaluation runs, newest first (own; admin: all)', role: 'reader' },
  { method: 'get', path: '/v1/eval/runs/{id}', summary: 'An evaluation run with every result', role: 'reader' },
  { method: 'get', path: '/v1/eval/runs/{id}/diagnosis', summary: 'Failure classes of the run and what to do (as `fathom diagnose`)', role: 'reader' },
  { method: 'post', path: '/v1/eval/runs/{id}/decision', summary: 'Prompt, RAG, fine-tuning or hybrid, from the diagnosis, your answers and a cost model (as `fathom decide`)', role: 'reader', body: { schema: decideRequestSchema } },
  { method: 'get', path: '/v1/eval/runs/{id}/report', summary: 'The run with its diagnosis as JSON, Markdown or one HTML page (as `fathom report`)', role: 'reader', query: [{ name: 'format', description: 'json | markdown | html (default html)', type: 'string' }, { name: 'baseline', description: 'A run id to compare against', type: 'string' }] },
  { method: 'post', path: '/v1/tune/jobs', summary: 'Start a hosted fine-tuning job: upload the data, create the job at the provider, record it (201)', role: 'admin', body: { schema: tuneJobRequestSchema } },
  { method: 'get', path: '/v1/tune/jobs', summary: 'Fine-tuning jobs of the tenant', role: 'reader' },
  { method: 'get', path: '/v1/tune/jobs/{id}', summary: 'A fine-tuning job with its events (polls the provider once while it runs)', role: 'reader' },
  { method: 'post', path: '/v1/tune/jobs/{id}/cancel', summary: 'Ask the provider to cancel a fine-tuning job', role: 'admin' },
  { method: 'post', path: '/v1/eval/compare', summary: 'Per-metric deltas of two runs with paired bootstrap CIs and gates (as `fathom eval compare`)', role: 'reader', body: { schema: compareRunsRequestSchema } },
  { method: 'get', path: '/v1/audit', summary: 'Audit log, newest first (own entries; admin: all)', role: 'reader', query: [{ name: 'limit', description: '1–1000 (default 20)', type: 'integer' }, { name: 'since', description: 'epoch ms or ISO date', type: 'string' }, { name: 'cursor', description: 'nextCursor of the previous page', type: 'string' }] },
  { method: 'get', path: '/v1/audit/export', summary: 'The audit log as JSON Lines, oldest first (own entries; admin: all)', role: 'reader', query: [{ name: 'since', description: 'epoch ms or ISO date', type: 'string' }, { name: 'until', description: 'epoch ms or ISO date', type: 'string' }] },
  { method: 'get', path: '/v1/audit/{id}', summary: 'One audit entry with its feedback', role: 'reader' },
  { method: 'post', path: '/v1/audit/{id}/feedback', summary: 'Feedback on an answer: thumbs, correction, text', role: 'reader', body: { schema: feedbackRequestSchema } },
  { method: 'post', path: '/v1/chat/completions', summary: 'OpenAI-compatible chat completion; model = pipeline; sources in `fathom`', role: 'reader', body: { schema: chatCompletionRequestSchema }, sse: true },
  { method: 'get', path: '/v1/models', summary: 'Pipelines, as OpenAI models', role: 'reader' },
  { method: 'post', path: '/v1/embeddings', summary: 'OpenAI-compatible embeddings from the configured embedding model', role: 'reader', body: { schema: embeddingsRequestSchema } },
  { method: 'post', path: '/v1/monitor/score', summary: 'Score a sample of answered queries with reference-free metrics (as `fathom monitor score`), as a job (202)', role: 'admin', body: { schema: monitorScoreRequestSchema } },
  { method: 'get', path: '/v1/monitor/drift', summary: 'Drift report of the current window against its baseline (as `fathom monitor check`)', role: 'admin', query: [{ name: 'window', description: 'hour, day (default) or week', type: 'string' }, { name: 'baseline', description: 'windows in the baseline, 1–90 (default 7)', type: 'integer' }] },
  { method: 'get', path: '/v1/monitor/drift/series', summary: 'The drift check of each of the last windows, oldest first: a time series per signal with its threshold and status', role: 'admin', query: [{ name: 'window', description: 'hour, day (default) or week', type: 'string' }, { name: 'baseline', description: 'windows in each baseline, 1–90 (default 7)', type: 'integer' }, { name: 'points', description: 'windows in the series, 1–60 (default 14)', type: 'integer' }] },
  { method: 'get', path: '/v1/keys', summary: 'API keys of your tenant, without their hashes (as `fathom keys list`)', role: 'admin' },
  { method: 'post', path: '/v1/keys', summary: 'Create an API key in your tenant (201); the secret is in this answer only', role: 'admin', body: { schema: apiKeyRequestSchema } },
  { method: 'get', path: '/v1/prompts', summary: 'Prompt variants offered by this server (`prompt` of /v1/ask): id, system line, instructions, number of examples', role: 'reader' },
  { method: 'get', path: '/v1/whoami', summary: 'Your own identity: tenant, principal, groups, role (what the dashboard shows and hides by)', role: 'reader', response: { schema: whoamiResponseSchema } },
  { method: 'post', path: '/v1/keys/{id}/revoke', summary: 'Revoke an API key of your tenant', role: 'admin' },
];
