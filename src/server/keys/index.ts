export { createApiKey, hashApiKey, ROLES } from './create-api-key.js';
export type { CreateApiKeyOptions } from './create-api-key.js';
export { listApiKeys } from './list-api-keys.js';
export { revokeApiKey } from './revoke-api-key.js';
export { resolveApiKey } from './resolve-api-key.js';
export type { ResolveApiKeyOptions } from './resolve-api-key.js';
