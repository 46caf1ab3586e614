/** Options every command accepts. */
export const commonArgs = {
  json: { type: 'boolean', description: 'Print machine-readable JSON instead of text' },
  tenant: { type: 'string', description: 'Tenant to read and write (env FATHOM_TENANT)', valueHint: 'id' },
  store: { type: 'string', description: 'SQLite store file (default: .fathom/fathom.db, or config `store.path`), or a PostgreSQL URL postgres://user:pass@host/db (or FATHOM_STORE_URL / config `store.url`)', valueHint: 'path|url' },
  config: { type: 'string', description: 'Config file (default: ./fathom.config.json when present)', valueHint: 'path' },
} as const;
