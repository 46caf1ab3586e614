export { createServer } from './create-server.js';
export type { CreateServerOptions, FathomServer, Pipeline } from './create-server.js';
export { createApiKey, hashApiKey, listApiKeys, resolveApiKey, revokeApiKey, ROLES } from './keys/index.js';
export { createServerMetrics } from './metrics.js';
export { DEFAULT_RATE_LIMIT } from './middleware/rate-limit.js';
export type { ServerMetrics } from './metrics.js';
export { openapiDocument } from './openapi-document.js';
