import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCommand } from 'citty';
import type { QueryLogEntry } from '../../spec/audit.js';
import { FathomError } from '../../util/errors.js';
import { commonArgs } from '../common-args.js';
import { cliContext, withStore, type CliContext } from '../context.js';
import { emit } from '../io.js';

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
        const flag = e.abstained ? ' [abstained]' : '';
        return `${e.id}  ${new Date(e.at).toISOString()}  ${e.kind}  ${e.model ?? ''}  ${(e.latencyMs.total ?? 0).toFixed(0)} ms${e.costUsd !== undefined ? `  $${e.costUsd.toFixed(5)}` : ''}${flag}\n   ${e.query}`;
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
    const entry = (await _entries(c, undefined, 1_000_000)).find((e) => e.id === id);
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
    format: { type: 'string', description: 'jsonl (default) or csv', valueHint: 'format' },
    out: { type: 'string', description: 'Write to this file instead of standard output', valueHint: 'file' },
    limit: { type: 'string', description: 'At most n entries (default all)', valueHint: 'n' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const format = (ctx.args.format as string | undefined) ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'csv') throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--format must be jsonl or csv, got "${format}".` });
    const entries = await _entries(c, _parseSince(ctx.args.since as string | undefined, Date.now()), _limit(ctx.args.limit, 1_000_000));
    const text = format === 'jsonl' ? entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '') : _csv(entries);
    if (ctx.args.out) {
      const file = resolve(c.io.cwd, String(ctx.args.out));
      writeFileSync(file, text);
      emit(c.io, c.json, { file, entries: entries.length, format }, () => `Wrote ${entries.length} entries to ${file}`);
    } else c.io.out(text);
    return 0;
  },
});

export const logCommand = defineCommand({
  meta: { name: 'log', description: 'The query audit log: list, show, export' },
  subCommands: { list, show, export: exportCmd },
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
