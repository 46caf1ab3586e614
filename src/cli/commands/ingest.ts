import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineCommand } from 'citty';
import { ingest } from '../../ingest/index.js';
import type { IngestReport } from '../../spec/ingest.js';
import { FathomError } from '../../util/errors.js';
import { buildChatModel, buildChunker, buildEmbedder } from '../build.js';
import { commonArgs } from '../common-args.js';
import { cliContext, withStore } from '../context.js';
import { summarizeExtractionWarnings } from '../../ingest/fidelity/extraction-warnings.js';
import { emit } from '../io.js';
import { progressRenderer } from '../progress.js';
import { repeated } from '../repeated.js';
import { parseAccessList } from '../../util/parse-access-list.js';

export const ingestCommand = defineCommand({
  meta: { name: 'ingest', description: 'Load, clean, dedupe, version, chunk, (embed) and index files and folders' },
  args: {
    ...commonArgs,
    paths: { type: 'positional', variadic: true, description: 'Files or directories to ingest', required: true },
    include: { type: 'string', description: 'Only files matching this glob (repeatable)', valueHint: 'glob' },
    exclude: { type: 'string', description: 'Skip files matching this glob (repeatable)', valueHint: 'glob' },
    collection: { type: 'string', schema: { type: 'string', minLength: 1, maxLength: 256 }, description: 'Collection for the documents (default: config)', valueHint: 'name' },
    chunker: { type: 'string', schema: { enum: ['fixed', 'recursive', 'structure', 'semantic', 'hierarchical'] }, description: 'fixed | recursive | structure | semantic | hierarchical', valueHint: 'name' },
    'max-tokens': { type: 'string', schema: { type: 'integer', minimum: 8, maximum: 1_000_000 }, description: 'Chunk budget in tokens', valueHint: 'n' },
    dedup: { type: 'string', schema: { enum: ['skip', 'keep', 'report'] }, description: 'Duplicate policy: skip | keep | report', valueHint: 'policy' },
    sync: { type: 'boolean', description: 'Remove documents of the collection whose source file is gone' },
    'max-age-days': { type: 'string', schema: { type: 'number', minimum: 0, maximum: 1_000_000 }, description: 'Skip sources older than n days', valueHint: 'n' },
    'text-field': { type: 'string', description: 'JSONL/CSV: field(s) holding the text (comma-separated)', valueHint: 'field' },
    'title-field': { type: 'string', description: 'JSONL/CSV: field holding the title', valueHint: 'field' },
    'id-field': { type: 'string', description: 'JSONL/CSV: field holding the id', valueHint: 'field' },
    acl: { type: 'string', schema: { type: 'string', maxLength: 65536 }, description: 'Who may read documents that carry no acl of their own: "user:alice,group:eng" (default: the whole tenant)', valueHint: 'entries' },
    'acl-field': { type: 'string', schema: { type: 'string', minLength: 1, maxLength: 256 }, description: 'JSONL/CSV: field holding a record\'s access list (default: acl)', valueHint: 'field' },
    contextual: { type: 'boolean', description: 'Contextual retrieval: a chat model writes a short context for each chunk, prepended for BM25 and embeddings (cached)' },
    'contextual-model': { type: 'string', description: 'Model for --contextual (default: config generation): llama-cpp:<gguf>, openai-compatible:<model>, anthropic:<model>', valueHint: 'spec' },
    ocr: { type: 'string', schema: { enum: ['auto', 'off'] }, description: 'PDF pages without a text layer: auto (OCR with tesseract when installed) | off (default: config ingest.ocr, else auto)', valueHint: 'mode' },
    progress: { type: 'string', schema: { enum: ['auto', 'json', 'none'] }, description: 'auto (bar on a terminal) | json (JSON lines on stderr) | none', default: 'auto' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const { args } = ctx;
    const paths = [args.paths, ...ctx.args._.filter((p: string) => p !== args.paths)].filter(Boolean) as string[];
    const num = (v: unknown, name: string): number | undefined => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--${name} must be a non-negative number, got "${String(v)}".` });
      return n;
    };
    const cfg = c.config.ingest;
    const chunkerName = (args.chunker as string | undefined) ?? cfg.chunker.name;
    const maxTokens = num(args['max-tokens'], 'max-tokens') ?? cfg.chunker.maxTokens;
    const policy = (args.dedup as string | undefined) ?? cfg.dedup.policy;
    if (!['skip', 'keep', 'report'].includes(policy)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--dedup must be skip, keep or report, got "${policy}".` });
    const embedder = await buildEmbedder(c.config, c.io);
    const chunker = await buildChunker({ ...cfg.chunker, name: chunkerName as typeof cfg.chunker.name, maxTokens }, embedder);
    let contextualize: { model: NonNullable<Awaited<ReturnType<typeof buildChatModel>>> } | undefined;
    if (args.contextual || args['contextual-model']) {
      const model = await buildChatModel(c.config, c.io, args['contextual-model'] as string | undefined);
      if (!model) throw new FathomError({ code: 'INVALID_CONFIG', message: '--contextual needs a chat model: set "generation" in fathom.config.json or pass --contextual-model llama-cpp:<file.gguf> | openai-compatible:<model> | anthropic:<model>.' });
      contextualize = { model };
    }
    const acl = args.acl === undefined ? undefined : parseAccessList(String(args.acl), '--acl');
    const render = progressRenderer(c.io, String(args.progress));
    const report: IngestReport = await withStore(c, (store) =>
      ingest({
        store,
        tenant: c.tenant,
        paths,
        cwd: c.io.cwd,
        include: repeated(ctx.rawArgs, 'include') ?? cfg.include,
        exclude: repeated(ctx.rawArgs, 'exclude') ?? cfg.exclude,
        maxFileBytes: cfg.maxFileBytes,
        ...(cfg.limits ? { limits: cfg.limits } : {}),
        ...(cfg.followSymlinks !== undefined ? { followSymlinks: cfg.followSymlinks } : {}),
        collection: (args.collection as string | undefined) ?? cfg.collection,
        loaderOptions: {
          textFields: args['text-field'] ? String(args['text-field']).split(',') : undefined,
          titleField: args['title-field'] as string | undefined,
          idField: args['id-field'] as string | undefined,
          aclField: args['acl-field'] as string | undefined,
          ocr: ((args.ocr as string | undefined) ?? cfg.ocr) === 'off' ? 'off' : 'auto',
        },
        acl,
        chunker,
        embedder,
        contextualize,
        dedup: { ...cfg.dedup, policy: policy as 'skip' | 'keep' | 'report' },
        sync: Boolean(args.sync),
        maxAgeDays: num(args['max-age-days'], 'max-age-days'),
        batchSize: cfg.batchSize,
        onProgress: render.update,
        signal: c.io.signal,
      }),
      { create: true },
    );
    render.done();
    const manifest = join(dirname(c.storePath), 'runs', `${report.runId}.json`);
    mkdirSync(dirname(manifest), { recursive: true });
    writeFileSync(manifest, `${JSON.stringify(report, null, 2)}\n`);
    emit(c.io, c.json, { ...report, manifest }, () => summarize(report, manifest));
    return report.interrupted ? 130 : 0;
  },
});

function summarize(r: IngestReport, manifest: string): string {
  const k = r.counts;
  const lines = [
    `${r.interrupted ? 'Interrupted' : 'Ingested'} ${k.documents} documents from ${k.files} files in ${((r.finishedAt - r.startedAt) / 1000).toFixed(1)}s (tenant ${r.tenant})`,
    `  ${k.created} new, ${k.updated} updated (new version), ${k.unchanged} unchanged, ${k.chunks} chunks${k.embeddings ? `, ${k.embeddings} embeddings` : ''}`,
  ];
  if (r.contextual) lines.push(`  contextual retrieval (${r.contextual.model}): ${r.contextual.generated} contexts generated, ${r.contextual.cached} from cache, ${r.contextual.inputTokens} input + ${r.contextual.outputTokens} output tokens`);
  if (k.removed) lines.push(`  ${k.removed} removed by --sync: ${r.removed.join(', ')}`);
  for (const g of r.duplicates) {
    lines.push(`  ${g.kind} duplicate of ${g.canonical}: ${g.duplicates.join(', ')} (similarity ${g.similarity.toFixed(2)}, ${g.action})`);
  }
  if (r.skipped.length) {
    lines.push(`  ${r.skipped.length} skipped:`);
    for (const s of r.skipped) lines.push(`    ${s.path}: ${s.reason} [${s.code}]`);
  }
  const extraction = summarizeExtractionWarnings(r.warnings);
  if (extraction) lines.push(extraction);
  if (r.interrupted) lines.push('  Run the same command again to finish: committed documents are kept, nothing is duplicated.');
  lines.push(`  manifest: ${manifest}`);
  return lines.join('\n');
}
