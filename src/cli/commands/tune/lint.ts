import { defineCommand } from 'citty';
import type { LintFinding, LintReport } from '../../../spec/tune-data.js';
import { LINT_TARGETS, lintDataset } from '../../../tune/lint/index.js';
import type { JsonSchema } from '../../../spec/chat-model.js';
import type { LintTarget } from '../../../tune/lint/index.js';
import { commonArgs } from '../../common-args.js';
import { loadConfig } from '../../config.js';
import { emit } from '../../io.js';
import { parseFormat, parseNumber, readJsonFile, tuneContext } from './_shared.js';

function showLines(lines: number[]): string {
  if (lines.length === 0) return '-';
  return lines.length <= 8 ? lines.join(',') : `${lines.slice(0, 8).join(',')} +${lines.length - 8} more`;
}

/** Findings grouped by check: one row per finding, the hint once per check. */
export function renderLintReport(file: string, report: LintReport): string {
  const s = report.summary;
  const out = [
    `${file}: ${s.examples} examples (${s.format}) — ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos`,
    `tokens per example: mean ${s.tokens.mean}, p95 ${s.tokens.p95}, max ${s.tokens.max} of ${s.tokens.contextWindow} (${s.tokens.tokenizer})`,
  ];
  const byCheck = new Map<string, LintFinding[]>();
  for (const f of report.findings) byCheck.set(f.check, [...(byCheck.get(f.check) ?? []), f]);
  for (const [check, findings] of byCheck) {
    out.push('', `${check} (${findings.length})`);
    for (const f of findings) out.push(`  ${f.severity.padEnd(7)} lines ${showLines(f.lines).padEnd(24)} ${f.message}`);
    out.push(`  hint: ${findings[0]!.hint}`);
  }
  if (report.findings.length === 0) out.push('', 'No findings: the data looks fit to train on.');
  return out.join('\n');
}

export const lintCommand = defineCommand({
  meta: { name: 'lint', description: 'Check fine-tuning data: schema, roles, truncation, length, duplicates, contradictions, diversity, format, balance, leakage' },
  args: {
    ...commonArgs,
    file: { type: 'positional', description: 'JSONL file (chat, ShareGPT, Alpaca or DPO pairs)', required: true },
    schema: { type: 'string', description: 'JSON Schema every answer must satisfy', valueHint: 'schema.json' },
    'output-pattern': { type: 'string', description: 'Regular expression every answer must match', valueHint: 'regex' },
    eval: { type: 'string', description: 'Evaluation file to check leakage against (golden JSONL with "question")', valueHint: 'golden.jsonl' },
    'context-window': { type: 'string', schema: { type: 'integer', minimum: 1, maximum: 10_000_000 }, description: 'Max tokens per example (default 8192)', valueHint: 'N' },
    format: { type: 'string', schema: { enum: ['chat', 'sharegpt', 'alpaca', 'dpo'] }, description: 'chat | sharegpt | alpaca | dpo (default: detected)' },
    target: { type: 'string', schema: { enum: [...LINT_TARGETS] }, description: `Check what this target accepts: ${LINT_TARGETS.join(' | ')} (default: config tune.target; none: unknown keys are warnings)` },
    strict: { type: 'boolean', description: 'Exit 1 on warnings too' },
  },
  async run(ctx) {
    const c = tuneContext(ctx);
    const a = ctx.args;
    // Both are checked against the target list before this runs: the flag by its schema, the config by its schema.
    const target = a.target ?? loadConfig({ cwd: c.io.cwd, path: a.config }).tune?.target;
    const report = await lintDataset({
      target: target as LintTarget | undefined,
      path: c.path(String(a.file)),
      format: parseFormat(a.format, 'format'),
      contextWindow: parseNumber(a['context-window'], 'context-window', { min: 1 }),
      schema: a.schema ? ((await readJsonFile(c.path(String(a.schema)), 'schema')) as JsonSchema) : undefined,
      outputPattern: a['output-pattern'] ? String(a['output-pattern']) : undefined,
      evalPath: a.eval ? c.path(String(a.eval)) : undefined,
      signal: c.io.signal,
    });
    emit(c.io, c.json, report, () => renderLintReport(String(a.file), report));
    return report.summary.errors > 0 || (a.strict && report.summary.warnings > 0) ? 1 : 0;
  },
});
