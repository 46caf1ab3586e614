/** Body of `POST /v1/keys`: a new key of the caller's tenant (the secret is shown once, in the answer). */
export const apiKeyRequestSchema = {
  $id: 'ApiKeyRequest',
  type: 'object',
  additionalProperties: false,
  required: ['principal', 'role'],
  properties: {
    principal: { type: 'string', minLength: 1, maxLength: 200, description: 'Who the key acts as, e.g. user:alice.' },
    role: { enum: ['reader', 'writer', 'admin'] },
    groups: { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 200 } },
    name: { type: 'string', maxLength: 200, description: 'Free-text label.' },
  },
} as const;
