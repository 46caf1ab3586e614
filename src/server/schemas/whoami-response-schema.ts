/** The body of `GET /v1/whoami` (in /openapi.json as component `WhoAmI`). */
export const whoamiResponseSchema = {
  $id: 'WhoAmI',
  type: 'object',
  additionalProperties: false,
  required: ['tenant', 'principal', 'groups', 'role', 'via'],
  properties: {
    tenant: { type: 'string' },
    principal: { type: 'string', description: 'e.g. user:alice' },
    groups: { type: 'array', items: { type: 'string' } },
    role: { enum: ['reader', 'writer', 'admin'] },
    via: { enum: ['api-key', 'oidc'], description: 'How the identity was established' },
  },
} as const;
