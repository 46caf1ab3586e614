/**
 * ingest(): load → normalise → hash → (skip unchanged) → dedup → chunk → embed → commit in batches.
 *
 * Streaming: documents flow through one batch at a time, so memory stays flat with corpus size.
 * Crash-safe and resumable: each batch is one store transaction; a re-run skips what is already stored
 * unchanged (content hash), so an interrupted run is finished by running it again.
 */
import type { LoadedDocument } from '../spec/document.js';
import type { IngestReport } from '../spec/ingest.js';
import type { SkipReport } from '../spec/loader.js';
import type { TimedLoadEvent } from './limits/timed-load-event.js';
import type { DocumentWrite } from '../spec/store.js';
import { embedMany } from '../core/embed-many.js';
import { FathomError } from '../util/errors.js';
import { sha256 } from '../util/hash.js';
import { generateId } from '../util/ids.js';
import { createDuplicateDetector } from './governance/duplicates.js';
import type { PendingDoc } from './governance/duplicates.js';
import { syncRemoved } from './governance/sync.js';
import { contextualizeChunks } from './contextualize.js';
import { indexText } from './index-text.js';
import type { AccessList } from '../spec/access.js';
import type { IngestOptions } from './ingest-options.js';
import { loadSources } from './load-sources.js';
import { resolveIngestLimits } from './limits/ingest-limits.js';
import { limitExceeded } from './limits/limit-exceeded.js';
import { ProgressMeter } from './progress-meter.js';
import { extractionWarnings } from './fidelity/extraction-warnings.js';

const _aclKey = (acl: AccessList | undefined): string => JSON.stringify([[...(acl?.principals ?? [])].sort(), [...(acl?.groups ?? [])].sort()]);

export type { IngestOptions } from './ingest-options.js';

const DAY_MS = 86_400_000;

export async function ingest(options: IngestOptions): Promise<IngestReport> {
  const {
    store,
    tenant,
    collection = 'default',
    chunker,
    embedder,
    embedConcurrency = 2,
    batchSize = 64,
    sync = false,
    maxAgeDays,
    signal,
    progressIntervalMs = 500,
  } = options;
  const now = options._internal?.now ?? Date.now;
  const newId = options._internal?.generateId ?? generateId;
  if (!tenant) throw new FathomError({ code: 'TENANT_REQUIRED', message: 'ingest() needs a tenant: pass `tenant` (the CLI uses --tenant, default "default").' });
  if (!options.paths && !options.documents) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'ingest() needs `paths` or `documents`.' });

  const limits = resolveIngestLimits(options.limits);
  const startedAt = now();
  const meter = new ProgressMeter(now, startedAt, progressIntervalMs, options.onProgress);
  const detector = createDuplicateDetector({ store, options: options.dedup });
  const report: IngestReport = {
    runId: newId('run_'),
    tenant,
    startedAt,
    finishedAt: startedAt,
    config: resolvedConfig(options),
    versions: { fathom: '0.1.0', ...options.versions },
    counts: { files: 0, documents: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, duplicates: 0, removed: 0, chunks: 0, embeddings: 0 },
    skipped: [],
    duplicates: [],
    removed: [],
    interrupted: false,
    warnings: [],
  };
  const seen = sync ? new Set<string>() : undefined;
  let batch: Array<DocumentWrite & PendingDoc> = [];
  let lastFile = '';

  const skip = (s: SkipReport): void => {
    report.skipped.push(s);
    meter.skipped++;
  };

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const writes = batch;
    batch = [];
    if (embedder) await embedBatch(writes);
    const { results } = await store.commit({ tenant, writes });
    for (const [i, r] of results.entries()) {
      if (r.status === 'duplicate') {
        // Stored by a concurrent ingest after this run's check: the store re-checked under its write lock.
        report.counts.duplicates++;
        const similarity = r.similarity ?? 1;
        detector.record(writes[i]!, { kind: similarity < 1 ? 'near' : 'exact', canonical: r.duplicateOf ?? '', similarity });
        continue;
      }
      report.counts[r.status]++;
      if (r.status !== 'unchanged') report.counts.chunks += r.chunks;
    }
    meter.tick('ingest');
  };

  const embedBatch = async (writes: DocumentWrite[]): Promise<void> => {
    const texts: string[] = [];
    const slots: Array<[number, number]> = [];
    writes.forEach((w, wi) => {
      w.vectors = new Array(w.chunks.length).fill(undefined);
      w.embeddingModel = `${embedder!.provider}:${embedder!.modelId}`;
      w.chunks.forEach((c, ci) => {
        if (c.role !== 'leaf') return;
        texts.push(w.indexTexts![ci]!);
        slots.push([wi, ci]);
      });
    });
    const { embeddings } = await embedMany({ model: embedder!, values: texts, kind: 'passage', concurrency: embedConcurrency, abortSignal: signal });
    embeddings.forEach((vector, i) => {
      const [wi, ci] = slots[i]!;
      writes[wi]!.vectors![ci] = vector;
    });
    meter.embeddings += embeddings.length;
    report.counts.embeddings += embeddings.length;
  };

  // The per-file budget (ingest.limits.fileTimeoutMs) covers loading, chunking and contextualising.
  const overBudget = (doc: LoadedDocument, startedAt: number, loadMs: number): void => {
    const value = Math.round(loadMs + Date.now() - startedAt);
    const max = limits.fileTimeoutMs;
    const e = limitExceeded({ path: doc.source, limit: 'fileTimeoutMs', value, max, what: 'loading and chunking it took', atLeast: true });
    skip({ path: doc.source, code: e.code, reason: e.message, limit: { name: 'ingest.limits.fileTimeoutMs', value, max } });
  };
  const isBudgetError = (error: unknown) => FathomError.isInstance(error) && error.code === 'LIMIT_EXCEEDED' && error.details?.limit === 'ingest.limits.fileTimeoutMs';

  const handle = async (doc: LoadedDocument, loadMs = 0): Promise<void> => {
    const startedAt = Date.now();
    const deadline = startedAt + limits.fileTimeoutMs - loadMs;
    meter.documents++;
    report.counts.documents++;
    seen?.add(doc.id);
    if (maxAgeDays !== undefined && doc.modifiedAt !== undefined && now() - doc.modifiedAt > maxAgeDays * DAY_MS) {
      skip({ path: doc.source, code: 'STALE', reason: `older than ${maxAgeDays} days (freshness rule); it was not ingested` });
      return;
    }
    const contentHash = sha256(doc.text);
    const existing = await store.getDocument({ tenant, id: doc.id });
    const acl = doc.acl ?? options.acl;
    if (existing?.contentHash === contentHash) {
      report.counts.unchanged++;
      if (acl && _aclKey(acl) !== _aclKey(existing.acl)) await store.setDocumentAcl({ tenant, id: doc.id, acl });
      return;
    }
    const pending: PendingDoc = { id: doc.id, contentHash, signature: detector.sign(doc.text) };
    const dup = await detector.check({ tenant, doc: pending, pending: batch });
    if (dup) {
      report.counts.duplicates++;
      if (detector.record(pending, dup) === 'skipped') return;
    }
    let drafts: Awaited<ReturnType<typeof chunker.chunk>>;
    try {
      drafts = await chunker.chunk({ text: doc.text, format: doc.format, pages: doc.pages, deadline });
    } catch (error) {
      if (isBudgetError(error)) return overBudget(doc, startedAt, loadMs);
      throw error;
    }
    // A chunker that does not watch the deadline is still held to it.
    if (Date.now() > deadline) return overBudget(doc, startedAt, loadMs);
    if (drafts.length > limits.chunksPerDocument) {
      const e = limitExceeded({ path: doc.source, limit: 'chunksPerDocument', value: drafts.length, max: limits.chunksPerDocument, what: 'it chunks into' });
      skip({ path: doc.source, code: e.code, reason: e.message, limit: { name: 'ingest.limits.chunksPerDocument', value: drafts.length, max: limits.chunksPerDocument } });
      return;
    }
    meter.chunks += drafts.length;
    let contexts: Array<string | undefined> | undefined;
    if (options.contextualize) {
      const budget = AbortSignal.timeout(Math.max(1, Math.ceil(deadline - Date.now())));
      let c: Awaited<ReturnType<typeof contextualizeChunks>>;
      try {
        c = await contextualizeChunks({ store, tenant, documentId: doc.id, text: doc.text, contentHash, drafts, options: options.contextualize, signal: signal ? AbortSignal.any([signal, budget]) : budget });
      } catch (error) {
        if (budget.aborted && !signal?.aborted) return overBudget(doc, startedAt, loadMs);
        throw error;
      }
      if (Date.now() > deadline) return overBudget(doc, startedAt, loadMs);
      contexts = c.contexts;
      const stats = (report.contextual ??= { model: `${options.contextualize.model.provider}:${options.contextualize.model.modelId}`, generated: 0, cached: 0, inputTokens: 0, outputTokens: 0 });
      stats.generated += c.generated;
      stats.cached += c.cached;
      stats.inputTokens += c.usage.inputTokens;
      stats.outputTokens += c.usage.outputTokens;
    }
    batch.push({
      ...pending,
      document: doc,
      collection,
      chunks: drafts,
      contexts,
      indexTexts: drafts.map((draft, i) => indexText({ title: doc.title, draft, context: contexts?.[i] })),
      at: now(),
      ...(options.dedup?.policy === 'skip' ? { skipIfDuplicate: true, ...(pending.signature ? { nearDuplicateThreshold: options.dedup.threshold ?? 0.85 } : {}) } : {}),
      ...(acl ? { acl } : {}),
    });
    if (batch.length >= batchSize) await flush();
  };

  const events: AsyncIterable<TimedLoadEvent> = options.documents
    ? wrapDocuments(options.documents)
    : loadSources({
        paths: options.paths!,
        cwd: options.cwd ?? process.cwd(),
        include: options.include,
        exclude: options.exclude,
        maxFileBytes: options.maxFileBytes,
        loaderOptions: options.loaderOptions,
        limits,
        followSymlinks: options.followSymlinks,
        signal,
      });

  try {
    for await (const event of events) {
      const file = event.type === 'document' ? event.document.source.split('#')[0]! : event.skip.path.split('#')[0]!;
      if (file !== lastFile) {
        lastFile = file;
        meter.files++;
        report.counts.files++;
      }
      if (event.type === 'skip') skip(event.skip);
      else {
        report.warnings.push(...extractionWarnings(event.document));
        await handle(event.document, event.loadMs);
      }
      meter.tick('ingest');
      if (signal?.aborted) break;
    }
  } catch (error) {
    // An abort surfaces from the loaders as INTERRUPTED: keep what is complete, skip sync.
    if (!(FathomError.isInstance(error) && error.code === 'INTERRUPTED')) throw error;
  }
  if (signal?.aborted) {
    report.interrupted = true;
    // Embedding calls honour the abort, so an unembedded batch is left for the re-run to finish.
    if (embedder) batch = [];
  }
  await flush();

  if (seen && !report.interrupted) {
    meter.tick('sync', true);
    report.removed = await syncRemoved({
      store, tenant, collection, seen, sources: options.paths, skipped: report.skipped.map((s) => s.path), cwd: options.cwd ?? process.cwd(),
    });
    report.counts.removed = report.removed.length;
  }
  report.duplicates = detector.groups();
  report.counts.skipped = report.skipped.length;
  report.finishedAt = now();
  meter.tick('done', true);
  return report;
}

async function* wrapDocuments(docs: AsyncIterable<LoadedDocument> | Iterable<LoadedDocument>): AsyncIterable<TimedLoadEvent> {
  for await (const document of docs) yield { type: 'document', document };
}

function resolvedConfig(o: IngestOptions): Record<string, unknown> {
  return {
    paths: o.paths,
    include: o.include,
    exclude: o.exclude,
    maxFileBytes: o.maxFileBytes,
    limits: resolveIngestLimits(o.limits),
    followSymlinks: o.followSymlinks ?? false,
    collection: o.collection ?? 'default',
    chunker: o.chunker.name,
    embedder: o.embedder ? { provider: o.embedder.provider, modelId: o.embedder.modelId, dimensions: o.embedder.dimensions } : null,
    contextualize: o.contextualize ? { model: `${o.contextualize.model.provider}:${o.contextualize.model.modelId}` } : null,
    dedup: { policy: 'report', threshold: 0.85, near: true, ...o.dedup },
    sync: o.sync ?? false,
    maxAgeDays: o.maxAgeDays,
    batchSize: o.batchSize ?? 64,
    store: { provider: o.store.provider, location: o.store.location },
  };
}
