/** Feedback and online scores attached to an audit entry (the entry's JSON is rewritten in place). */
import type { QueryLogEntry } from '../../spec/audit.js';
import type { OnlineScores, QueryFeedback } from '../../spec/monitor.js';
import type { SqliteContext } from './context.js';

export interface AnnotateQueryLogOptions {
  tenant: string;
  id: string;
  /** The entry's `at`, when known (the (tenant, at) index; without it the (tenant, id) index). */
  at?: number;
  feedback?: QueryFeedback;
  online?: OnlineScores;
}

export function annotateQueryLog(ctx: SqliteContext, o: AnnotateQueryLogOptions): QueryLogEntry | undefined {
  const tenantId = ctx.tenantId(o.tenant);
  if (tenantId === undefined) return undefined;
  return ctx.db.transaction(() => {
    const row = (o.at !== undefined
      ? ctx.stmt('SELECT rowid, entry FROM query_log WHERE tenant_id = ? AND at = ? AND id = ?').get(tenantId, o.at, o.id)
      : ctx.stmt('SELECT rowid, entry FROM query_log WHERE tenant_id = ? AND id = ?').get(tenantId, o.id)) as { rowid: number; entry: string } | undefined;
    if (!row) return undefined;
    const entry = JSON.parse(row.entry) as QueryLogEntry;
    if (o.feedback) entry.feedback = [...(entry.feedback ?? []), o.feedback];
    if (o.online) entry.online = o.online;
    ctx.stmt('UPDATE query_log SET entry = ? WHERE rowid = ?').run(JSON.stringify(entry), row.rowid);
    return entry;
  }).immediate();
}
