/** JSON Schema of `server` in fathom.config.json (ServerConfig in src/spec/server.ts). */
const role = { enum: ['reader', 'writer', 'admin'] };
export const serverConfigSchema = {
  $id: 'ServerConfig',
  type: 'object',
  additionalProperties: false,
  properties: {
    port: { type: 'integer', minimum: 0, maximum: 65535 },
    host: { type: 'string', minLength: 1 },
    bodyLimitBytes: { type: 'integer', minimum: 1 },
    uploadLimitBytes: { type: 'integer', minimum: 1 },
    requestTimeoutMs: { type: 'integer', minimum: 1 },
    drainTimeoutMs: { type: 'integer', minimum: 0 },
    apiKeyCacheMs: { type: 'integer', minimum: 0 },
    instanceId: { type: 'string', minLength: 1, maxLength: 200 },
    rateLimit: { oneOf: [{ const: false }, { type: 'object', additionalProperties: false, required: ['requestsPerMinute'], properties: { requestsPerMinute: { type: 'number', exclusiveMinimum: 0 }, burst: { type: 'integer', minimum: 1 } } }] },
    cors: { oneOf: [{ const: false }, { type: 'object', additionalProperties: false, required: ['origins'], properties: { origins: { type: 'array', items: { type: 'string' } } } }] },
    oidc: {
      type: 'object',
      additionalProperties: false,
      required: ['jwksUrl', 'issuer', 'audience'],
      properties: {
        jwksUrl: { type: 'string', pattern: '^https?://' }, issuer: { type: 'string' }, audience: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        clockToleranceSec: { type: 'number', minimum: 0 }, principalClaim: { type: 'string' }, groupsClaim: { type: 'string' }, roleClaim: { type: 'string' }, defaultRole: role, tenantClaim: { type: 'string' }, tenant: { type: 'string' },
      },
    },
    prompts: { type: 'string', minLength: 1 },
    pipelines: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          model: { type: 'string', pattern: '^(extractive|(llama-cpp|openai-compatible|anthropic):.+)$' },
          mode: { enum: ['bm25', 'vector', 'hybrid'] },
          topK: { type: 'integer', minimum: 1, maximum: 100 },
          rerank: { type: 'boolean' },
          abstentionThreshold: { type: 'number', minimum: 0, maximum: 1 },
          maxOutputTokens: { type: 'integer', minimum: 1 },
          prompt: { type: 'string', minLength: 1, maxLength: 64 },
        },
      },
    },
    tracing: { type: 'object', additionalProperties: false, required: ['otlpUrl'], properties: { otlpUrl: { type: 'string', pattern: '^https?://' }, serviceName: { type: 'string' } } },
  },
} as const;
