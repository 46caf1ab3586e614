import { resolve } from 'node:path';
import { defineCommand } from 'citty';
import { purgeAuditLog, recordExport } from '../../ingest/index.js';
import type { QueryLogEntry } from '../../spec/audit.js';
import { findQueryLogEntry } from '../../monitor/index.js';
import { FathomError } from '../../util/errors.js';
import { commonArgs } from '../common-args.js';
import { cliContext, withStore, type CliContext } from '../context.js';
import { repeated } from '../repeated.js';
import { emit } from '../io.js';
import { formatReceipt } from '../format-receipt.js';
import { writeOutputFile } from '../write-output-file.js';
import { rules } from '../options/option-schema.js';

/** `--since 2026-01-01` (a date) or `7d` / `12h` / `30m` (ago), as epoch ms. */
export function _parseSince(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const rel = /^(\d+(?:\.\d+)?)([dhm])$/.exec(value.trim());
  if (rel) return now - Number(rel[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[rel[2] as 'd' | 'h' | 'm'];
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Bad --since "${value}": use a date (2026-01-01) or an age (7d, 12h, 30m).` });
  return at;
}

const _limit = (v: unknown, fallback: number): number => {
  const n = v === undefined ? fallback : Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--limit must be a positive integer, got "${String(v)}".` });
  return n;
};

const _entries = (c: CliContext, since: number | undefined, limit: number) => withStore(c, (store) => store.listQueryLog({ tenant: c.tenant, since, limit }));

const list = defineCommand({
  meta: { name: 'list', description: 'Recent answered and searched queries, newest first' },
  args: { ...commonArgs, since: { type: 'string', description: 'A date (2026-01-01) or an age (7d, 12h)', valueHint: 'when' }, limit: { type: 'string', description: 'At most n entries (default 20)', valueHint: 'n' } },
  async run(ctx) {
    const c = cliContext(ctx);
    const entries = await _entries(c, _parseSince(ctx.args.since as string | undefined, Date.now()), _limit(ctx.args.limit, 20));
    emit(c.io, c.json, entries, () =>
      entries.length === 0 ? 'No logged queries.' : entries.map((e) => {
        const flag = `${e.abstained ? ' [abstained]' : ''}${e.redacted ? ` [redacted: ${e.redacted.reason}]` : ''}`;
        return `${e.id}  ${new Date(e.at).toISOString()}  ${e.kind}  ${e.model ?? ''}  ${(e.latencyMs.total ?? 0).toFixed(0)} ms${e.costUsd !== undefined ? `  $${e.costUsd.toFixed(5)}` : ''}${flag}\n   ${e.redacted ? '(text redacted)' : e.query}`;
      }).join('\n'));
    return 0;
  },
});

const show = defineCommand({
  meta: { name: 'show', description: 'One audit log entry with every field' },
  args: { ...commonArgs, id: { type: 'positional', description: 'Entry id (from `fathom log list`)', required: true } },
  async run(ctx) {
    const c = cliContext(ctx);
    const id = String(ctx.args.id);
    const entry = await withStore(c, (store) => findQueryLogEntry(store, c.tenant, id));
    if (!entry) throw new FathomError({ code: 'NOT_FOUND', message: `No audit log entry "${id}" in tenant "${c.tenant}". List entries with \`fathom log list\`.`, details: { id, tenant: c.tenant } });
    emit(c.io, c.json, entry, () => _render(entry));
    return 0;
  },
});

const exportCmd = defineCommand({
  meta: { name: 'export', description: 'Export the audit log as JSON lines or CSV' },
  args: {
    ...commonArgs,
    since: { type: 'string', description: 'A date (2026-01-01) or an age (7d, 12h)', valueHint: 'when' },
    format: { type: 'string', schema: { enum: ['jsonl', 'csv'] }, description: 'jsonl (default) or csv', valueHint: 'format' },
    out: { type: 'string', description: 'Write to this file instead of standard output', valueHint: 'file' },
    limit: { type: 'string', schema: rules.limit, description: 'At most n entries (default all)', valueHint: 'n' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const format = (ctx.args.format as string | undefined) ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'csv') throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--format must be jsonl or csv, got "${format}".` });
    const entries = await _entries(c, _parseSince(ctx.args.since as string | undefined, Date.now()), _limit(ctx.args.limit, 1_000_000));
    const text = format === 'jsonl' ? entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '') : _csv(entries);
    if (ctx.args.out) {
      const file = resolve(c.io.cwd, String(ctx.args.out));
      writeOutputFile(file, text);
      // Recorded so a later `docs delete` / `log purge` can name this copy as not managed by fathom.
      await withStore(c, (store) => recordExport({ store, tenant: c.tenant, path: file, kind: 'audit-log' }));
      emit(c.io, c.json, { file, entries: entries.length, format }, () => `Wrote ${entries.length} entries to ${file}`);
    } else c.io.out(text);
    return 0;
  },
});

/** `--older-than 30` (days) or an ISO date, as the epoch ms before which entries go. */
export function _parseOlderThan(value: string, now: number): number {
  const v = value.trim();
  if (/^\d+(?:\.\d+)?d?$/.test(v)) return now - Number(v.replace(/d$/, '')) * 86_400_000;
  const at = /^\d{4}-\d{2}-\d{2}/.test(v) ? Date.parse(v) : Number.NaN;
  if (Number.isNaN(at)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Bad --older-than "${value}": use a number of days (30, 30d) or an ISO date (2026-01-01).`, details: { flag: '--older-than', value } });
  return at;
}

const purge = defineCommand({
  meta: { name: 'purge', description: 'Remove audit entries by document, by age, or a tenant\'s whole log (retention); prints a receipt' },
  args: {
    ...commonArgs,
    document: { type: 'string', description: 'Entries that retrieved or cited this document id (repeatable)', valueHint: 'id' },
    'older-than': { type: 'string', description: 'Entries older than n days (30, 30d) or logged before an ISO date', valueHint: 'days|date' },
    redact: { type: 'boolean', description: 'Keep the entries with their text blanked (ids, timings, cost kept) instead of removing them' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const documentIds = repeated(ctx.rawArgs, 'document') ?? [];
    const olderThan = ctx.args['older-than'] as string | undefined;
    const before = olderThan === undefined ? undefined : _parseOlderThan(olderThan, Date.now());
    const all = documentIds.length === 0 && before === undefined;
    if (all && !(ctx.args as { tenant?: string }).tenant) {
      throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'Say what to purge: --document <id>, --older-than <days|date>, or --tenant <id> alone for that tenant\'s whole log.', details: { flags: ['--document', '--older-than', '--tenant'] } });
    }
    const receipt = await withStore(c, (store) =>
      purgeAuditLog({ store, tenant: c.tenant, ...(documentIds.length ? { documentIds } : {}), ...(before !== undefined ? { before } : {}), all, action: ctx.args.redact ? 'redact' : 'remove' }),
    );
    const n = receipt.places.reduce((s, p) => s + p.count, 0);
    emit(c.io, c.json, receipt, () => formatReceipt(receipt, `Purged ${n} audit entries of tenant ${c.tenant}${ctx.args.redact ? ' (redacted)' : ''}.`));
    if (receipt.erasure.status === 'pending') c.io.err(`warning: ${receipt.erasure.message}\n`);
    return 0;
  },
});

export const logCommand = defineCommand({
  meta: { name: 'log', description: 'The query audit log: list, show, export, purge' },
  subCommands: { list, show, export: exportCmd, purge },
});

const CSV_COLUMNS = ['id', 'at', 'tenant', 'kind', 'query', 'model', 'answer', 'abstained', 'citations', 'retrieved', 'promptTokens', 'completionTokens', 'costUsd', 'latencyMs'] as const;

function _csv(entries: QueryLogEntry[]): string {
  const cell = (v: unknown) => {
    const s = v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = entries.map((e) => [e.id, new Date(e.at).toISOString(), e.tenant, e.kind, e.query, e.model, e.answer, e.abstained, e.citations, e.retrieved.map((r) => r.chunkId), e.usage?.promptTokens, e.usage?.completionTokens, e.costUsd, e.latencyMs].map(cell).join(','));
  return `${CSV_COLUMNS.join(',')}\n${rows.join('\n')}${rows.length ? '\n' : ''}`;
}

function _render(e: QueryLogEntry): string {
  const meta = (e.metadata ?? {}) as { abstainReason?: string; sufficiency?: number; promptTokens?: number };
  const lines = [
    `${e.id}  ${new Date(e.at).toISOString()}  tenant ${e.tenant}  ${e.kind}`,
    ...(e.redacted ? [`[redacted ${new Date(e.redacted.at).toISOString()}: ${e.redacted.reason}${e.redacted.documentIds ? ` (${e.redacted.documentIds.join(', ')})` : ''}]`] : []),
    `query: ${e.query}`,
    `model: ${e.model ?? '-'}   prompt tokens: ${meta.promptTokens ?? e.usage?.promptTokens ?? '-'}   usage: ${e.usage?.promptTokens ?? 0} in / ${e.usage?.completionTokens ?? 0} out${e.costUsd !== undefined ? `   cost $${e.costUsd.toFixed(5)}` : ''}`,
    `answer${e.abstained ? ` (abstained: ${meta.abstainReason ?? ''})` : ''}: ${e.answer ?? ''}`,
    `sufficiency: ${meta.sufficiency?.toFixed(3) ?? '-'}   latency: ${Object.entries(e.latencyMs).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`,
    'retrieved:',
    ...e.retrieved.map((r, i) => `  ${i + 1}. ${r.chunkId} (${r.documentId}) score ${r.score.toFixed(4)}  ${Object.entries(r.stages).map(([k, s]) => `${k} ${s.score.toFixed(3)}#${s.rank}`).join(' ')}`),
    'citations:',
    ...((e.citations ?? []) as Array<{ n: number; valid: boolean; supported: boolean; support: number; sentence: string }>).map((c) => `  [${c.n}] ${c.valid ? (c.supported ? 'supported' : 'NOT supported') : 'invalid (no such source)'} ${c.support.toFixed(2)}  "${c.sentence}"`),
  ];
  return lines.join('\n');
}
