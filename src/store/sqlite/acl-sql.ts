/**
 * The access predicate over the `documents` table (alias `d`): a document with no access-list rows is open to
 * the tenant; otherwise the principal, or one of its groups, must be listed. Composed with the metadata filter
 * by `compileScope`, so it runs inside every search and read.
 */
import type { Principal } from '../../spec/access.js';
import { FathomError } from '../../util/errors.js';

/** A SQL boolean expression and its bound parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** `1` (true) without a principal: the trusted caller reads everything. */
export function compileAccess(principal: Principal | undefined): SqlCondition {
  if (principal === undefined) return { sql: '1', params: [] };
  const { id, groups = [] } = validatePrincipal(principal);
  return {
    sql: `NOT EXISTS (SELECT 1 FROM document_acl a WHERE a.document_rowid = d.rowid)
      OR EXISTS (SELECT 1 FROM document_acl a WHERE a.document_rowid = d.rowid
        AND ((a.kind = 'principal' AND a.value = ?) OR (a.kind = 'group' AND a.value IN (SELECT value FROM json_each(?)))))`,
    params: [id, JSON.stringify(groups)],
  };
}

/** Reject a malformed principal (a read must never widen because of a typo). */
export function validatePrincipal(principal: Principal): Principal {
  const ok =
    principal !== null && typeof principal === 'object' && typeof principal.id === 'string' && principal.id.trim() !== '' &&
    (principal.groups === undefined || (Array.isArray(principal.groups) && principal.groups.every((g) => typeof g === 'string')));
  if (!ok) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'Invalid principal: pass { id: "user:alice", groups: ["eng"] } (a non-empty id and an array of group names).' });
  }
  return principal;
}
