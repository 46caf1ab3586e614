import { resolve } from 'node:path';
import { defineCommand } from 'citty';
import { auditReadiness, renderReadinessHtml, renderReadinessMarkdown, severityAtLeast } from '../../readiness/index.js';
import { ingest } from '../../ingest/index.js';
import type { ReadinessReport, ReadinessSeverity } from '../../spec/readiness.js';
import type { Store } from '../../spec/store.js';
import { createSqliteStore } from '../../store/sqlite/index.js';
import { buildChunker } from '../build.js';
import type { CliContext } from '../context.js';
import { FathomError } from '../../util/errors.js';
import { commonArgs } from '../common-args.js';
import { cliContext, withStore } from '../context.js';
import { repeated } from '../repeated.js';
import { writeOutputFile } from '../write-output-file.js';

const severities = ['info', 'warning', 'error'] as const;

export const auditCommand = defineCommand({
  meta: { name: 'audit', description: 'Data-readiness audit of the stored corpus: stale, duplicates, conflicting numbers or dates, no owner, never retrieved, extraction warnings, empty or oversized' },
  args: {
    ...commonArgs,
    folder: { type: 'positional', description: 'Audit this folder before ingesting it (loaded into a temporary in-memory store; the stored corpus is not touched)', required: false },
    format: { type: 'string', schema: { enum: ['json', 'markdown', 'html'] }, description: 'markdown (default), json or html', valueHint: 'format' },
    out: { type: 'string', description: 'Write the report to this file instead of standard output', valueHint: 'file' },
    'fail-on': { type: 'string', schema: { enum: ['info', 'warning', 'error'] }, description: 'Exit 1 when a finding has this severity or higher (default error)', valueHint: 'severity' },
    'max-age-days': { type: 'string', description: 'Freshness rule: documents older than this are stale (default 365)', valueHint: 'days' },
    owner: { type: 'string', description: 'Metadata field naming the owner (repeatable; default owner, author, maintainer)', valueHint: 'field' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const a = ctx.args;
    const format = c.json ? 'json' : ((a.format as string | undefined) ?? 'markdown');
    const failOn = ((a['fail-on'] as string | undefined) ?? 'error') as ReadinessSeverity;
    if (!(severities as readonly string[]).includes(failOn)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--fail-on must be info, warning or error, got "${failOn}".` });
    const maxAgeDays = a['max-age-days'] === undefined ? undefined : Number(a['max-age-days']);
    if (maxAgeDays !== undefined && !(maxAgeDays > 0)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--max-age-days must be a positive number, got "${String(a['max-age-days'])}".` });
    const owners = repeated(ctx.rawArgs, 'owner') ?? [];
    const run = (store: Store) => auditReadiness({ store, tenant: c.tenant, ...(maxAgeDays ? { maxAgeDays } : {}), ...(owners.length ? { ownerFields: owners } : {}) });
    const report = a.folder ? await _auditFolder(c, resolve(c.io.cwd, String(a.folder)), run) : await withStore(c, run);
    const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'html' ? renderReadinessHtml(report) : renderReadinessMarkdown(report);
    if (a.out) {
      const file = resolve(c.io.cwd, String(a.out));
      writeOutputFile(file, text);
      c.io.err(`Wrote the audit (${report.findings.length} findings) to ${file}\n`);
    } else c.io.out(text);
    return report.findings.some((f) => severityAtLeast(f.severity, failOn)) ? 1 : 0;
  },
});

/** A folder before ingest: loaded with the configured chunker (no embedder) into an in-memory store, then audited. */
async function _auditFolder(c: CliContext, folder: string, run: (store: Store) => Promise<ReadinessReport>): Promise<ReadinessReport> {
  const store = await createSqliteStore({ path: ':memory:' });
  try {
    const chunker = await buildChunker(c.config.ingest.chunker);
    await ingest({ store, tenant: c.tenant, chunker, paths: [folder], cwd: c.io.cwd, signal: c.io.signal });
    return await run(store);
  } finally {
    await store.close();
  }
}
