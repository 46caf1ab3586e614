/**
 * OpenAPI 3.1 from the route table. OpenAPI 3.1 schemas are JSON Schema 2020-12, so the request schemas go
 * in unchanged (their `$id` becomes the component name).
 */
import { routeTable } from './schemas/route-table.js';

const _error = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'category', 'message', 'retryable'], properties: { code: { type: 'string' }, category: { enum: ['user', 'system', 'provider'] }, message: { type: 'string' }, retryable: { type: 'boolean' }, details: { type: 'object' } } } },
};

export function openapiDocument({ version }: { version: string }): Record<string, unknown> {
  const schemas: Record<string, object> = { Error: _error };
  const paths: Record<string, Record<string, unknown>> = {};
  const errorRef = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  for (const r of routeTable) {
    const op: Record<string, unknown> = { summary: r.role ? `${r.summary} (role: ${r.role})` : r.summary, operationId: `${r.method}${r.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}` };
    if (!r.role) op.security = [];
    const params: unknown[] = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    for (const q of r.query ?? []) params.push({ name: q.name, in: 'query', description: q.description, schema: { type: q.type } });
    if (params.length) op.parameters = params;
    if (r.body) {
      const { $id, ...schema } = r.body.schema as { $id: string };
      schemas[$id] = schema;
      op.requestBody = { required: true, content: { [r.body.contentType ?? 'application/json']: { schema: { $ref: `#/components/schemas/${$id}` } } } };
    }
    let ok: object = { type: 'object' };
    if (r.response) {
      const { $id, ...schema } = r.response.schema as { $id: string };
      schemas[$id] = schema;
      ok = { $ref: `#/components/schemas/${$id}` };
    }
    op.responses = {
      200: { description: 'OK', content: { 'application/json': { schema: ok }, ...(r.sse ? { 'text/event-stream': { schema: { type: 'string' } } } : {}) } },
      ...(r.role ? { 400: { description: 'Invalid request', ...errorRef }, 401: { description: 'No or bad credentials', ...errorRef }, 403: { description: 'Role too low', ...errorRef }, 429: { description: 'Rate limited (Retry-After)', ...errorRef } } : {}),
    };
    (paths[r.path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'fathom', version, description: 'RAG service: search, cited answers, documents, ingest jobs, audit log, feedback, and an OpenAI-compatible endpoint.' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key (fk_…) or an OIDC access token' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
