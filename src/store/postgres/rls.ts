/**
 * Row-Level Security as defence in depth (`rls: true`): every tenant-scoped table gets a policy that shows and
 * accepts only rows of the tenant named by the transaction-local setting `fathom.tenant_id`, forced for the table
 * owner too. The store sets it (`set_config(…, true)`, so it ends with the transaction and never leaks to the next
 * user of a pooled connection) in every transaction of a tenant's call; a statement that forgot its tenant predicate
 * still sees one tenant only, and one that ran without the setting sees nothing. Superusers and BYPASSRLS roles skip
 * all policies, so the store refuses `rls: true` for them. Once enabled, the schema stays protected: stores opened
 * on it later without the option detect it and set the tenant as well.
 */
import { FathomError } from '../../util/errors.js';
import type { PgContext, Queryable } from './context.js';

/** Tables holding a `tenant_id` column (the `tenants` names and `schema_info` are not tenant data). */
export const tenantTables = ['documents', 'versions', 'chunks', 'keyword_docs', 'postings', 'keyword_stats', 'signatures', 'signature_bands', 'query_log', 'meta', 'context_cache', 'document_acl'];

/** The policy predicate: the row's tenant equals the transaction's (NULL, hence nothing, when unset). */
const predicate = "tenant_id = NULLIF(current_setting('fathom.tenant_id', true), '')::int";

/** Whether the schema's tables already force row-level security. */
export async function rlsEnabled(ctx: PgContext, c: Queryable): Promise<boolean> {
  const rows = await c.query<{ forced: boolean }>("SELECT relforcerowsecurity AS forced FROM pg_class WHERE oid = to_regclass($1)", [ctx.sql('{documents}')]);
  return rows.rows[0]?.forced === true;
}

/** Enable and force the tenant policy on every tenant-scoped table not forced yet (inside the migration's transaction). */
export async function enableRls(ctx: PgContext, c: Queryable, options: { vectors: boolean }): Promise<void> {
  const [role] = (await c.query<{ name: string; bypass: boolean }>('SELECT rolname AS name, rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user')).rows;
  if (role?.bypass) {
    throw new FathomError({
      code: 'INVALID_CONFIG',
      message: `store.postgres.rls is on, but the PostgreSQL role "${role.name}" is a superuser or has BYPASSRLS, so row-level security would not apply to it. Connect as an ordinary role (CREATE ROLE fathom_app LOGIN PASSWORD '…'; GRANT CREATE ON DATABASE … TO fathom_app), or turn rls off.`,
      details: { location: ctx.location, role: role.name },
    });
  }
  // Only tables not yet forced: ALTER TABLE takes an exclusive lock, and every process opening the store runs this.
  const wanted = options.vectors ? [...tenantTables, 'vectors'] : tenantTables;
  const pending = await c.query<{ name: string }>(
    'SELECT relname AS name FROM pg_class WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = $1) AND relname = ANY($2::text[]) AND NOT relforcerowsecurity ORDER BY relname',
    [ctx.schema, wanted],
  );
  for (const { name: table } of pending.rows) {
    await c.query(ctx.sql(`ALTER TABLE {${table}} ENABLE ROW LEVEL SECURITY`));
    await c.query(ctx.sql(`ALTER TABLE {${table}} FORCE ROW LEVEL SECURITY`));
    await c.query(ctx.sql(`DROP POLICY IF EXISTS fathom_tenant ON {${table}}`));
    await c.query(ctx.sql(`CREATE POLICY fathom_tenant ON {${table}} USING (${predicate}) WITH CHECK (${predicate})`));
  }
}

/**
 * A copy of `ctx` for one store call under RLS: it remembers the tenant id its `tenantId` resolves, and runs every
 * statement in a transaction that first sets `fathom.tenant_id` to it.
 */
export function tenantScoped(ctx: PgContext): PgContext {
  let id: number | undefined;
  const setup = () => (id === undefined ? undefined : `SELECT set_config('fathom.tenant_id', '${id}', true)`);
  const scoped: PgContext = {
    ...ctx,
    tenantId: async (name, create) => {
      const found = await ctx.tenantId(name, create);
      if (found !== undefined) id = found;
      return found;
    },
    tx: (fn, o = {}) => ctx.tx(fn, { ...o, setup: [o.setup, setup()].filter(Boolean).join('; ') || undefined }),
    query: (text, params, on) => (on || id === undefined ? ctx.query(text, params, on) : scoped.tx((c) => ctx.query(text, params, c))),
  };
  return scoped;
}
