import { contentTerms } from '../../util/text/content-terms.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Chunk } from '../../spec/chunk.js';
import type { ChatMessage, ChatModel, JsonSchema } from '../../spec/chat-model.js';
import type { Warning } from '../../spec/embedding-model.js';
import type { GoldenItem } from '../../spec/evaluation.js';
import type { Store } from '../../spec/store.js';
import { FathomError, toFathomError } from '../../util/errors.js';
import { generateText } from '../../core/generate-text.js';
import { sha256 } from '../../util/hash.js';
import { mulberry32 } from '../../util/math/random.js';
import { multiPrompt, qaSchema, questionSchema, singlePrompt, unanswerablePrompt } from './_prompts.js';
import { renderReviewFile, type ReviewEntry } from './review-file.js';

/** Options of {@link generateTestSet}. */
export interface GenerateTestSetOptions {
  store: Store;
  tenant: string;
  /** Writes the questions; asked for JSON through a JSON Schema response format. */
  model: ChatModel;
  /** Single-document questions. @default 20 */
  count?: number;
  /** Unanswerable look-alikes (same topic, not answered by the source). @default round(count / 5) */
  unanswerable?: number;
  /** Two-document questions from pairs of related chunks (BM25 neighbours in another document). @default round(count / 5) */
  multiDoc?: number;
  /** Seed of the chunk sampling. @default 0 */
  seed?: number;
  /** Chunks shorter than this are not used. @default 200 */
  minChunkChars?: number;
  /** Questions whose normalised word sets have Jaccard ≥ this with an earlier one are dropped. @default 0.8 */
  dedupeThreshold?: number;
  /** When given, writes the JSONL here and the review file next to it (`<name>.review.md`). */
  out?: string;
  signal?: AbortSignal;
}

/** Result of {@link generateTestSet}. */
export interface GenerateTestSetResult {
  items: GoldenItem[];
  /** The review Markdown (see `renderReviewFile`). */
  review: string;
  /** Paths written, when `out` was given. */
  files?: { golden: string; review: string };
  /** Skipped generations (duplicates, unusable replies, too few chunks). */
  warnings: Warning[];
  usage: { inputTokens: number; outputTokens: number; calls: number };
}

/**
 * Synthetic golden set from the corpus: samples current leaf chunks (seeded), asks the model for a question
 * and answer grounded in each (kept only when the answer's content terms appear in the chunk), unanswerable
 * look-alikes on the same topics, and two-document questions over a chunk and its best BM25 neighbour from
 * another document. Sources are character spans of the chunks' documents. Near-identical questions are
 * dropped. Every item is tagged `synthetic` and meant to be reviewed by a person (the review file).
 */
export async function generateTestSet(options: GenerateTestSetOptions): Promise<GenerateTestSetResult> {
  const { store, tenant, model, count = 20, unanswerable = Math.round(count / 5), multiDoc = Math.round(count / 5), seed = 0, minChunkChars = 200, dedupeThreshold = 0.8, out, signal } = options;
  const chunks = _shuffle(await _candidateChunks(store, tenant, minChunkChars), seed);
  if (chunks.length === 0) throw new FathomError({ code: 'INVALID_DATASET', message: `Tenant '${tenant}' has no chunks of at least ${minChunkChars} characters to write questions from: ingest documents first.` });
  const titles = new Map<string, string>();
  const entries: ReviewEntry[] = [];
  const warnings: Warning[] = [];
  const usage = { inputTokens: 0, outputTokens: 0, calls: 0 };
  const seen: Array<Set<string>> = [];
  const ask = async (messages: ChatMessage[], schema: JsonSchema): Promise<Record<string, unknown> | undefined> => {
    usage.calls++;
    try {
      const r = await generateText({ model, messages, temperature: 0.7, maxOutputTokens: 300, responseFormat: { type: 'json', schema, name: 'question' }, abortSignal: signal });
      usage.inputTokens += r.usage.inputTokens;
      usage.outputTokens += r.usage.outputTokens;
      return r.json && typeof r.json === 'object' ? (r.json as Record<string, unknown>) : undefined;
    } catch (e) {
      if (signal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: 'Test set generation interrupted.' });
      warnings.push({ type: 'generation-failed', message: `generation failed: ${toFathomError(e).message}` });
      return undefined;
    }
  };
  const accept = (question: string, kind: string): boolean => {
    const words = new Set(question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    if (seen.some((s) => _jaccard(s, words) >= dedupeThreshold)) {
      warnings.push({ type: 'duplicate-question', message: `duplicate ${kind} question dropped: ${question}` });
      return false;
    }
    seen.push(words);
    return true;
  };
  const title = async (documentId: string) => {
    if (!titles.has(documentId)) titles.set(documentId, (await store.getDocument({ tenant, id: documentId }))?.title ?? documentId);
    return titles.get(documentId)!;
  };
  const label = async (c: Chunk) => `${await title(c.documentId)} (${c.documentId} ${c.start}–${c.end})`;
  const span = (c: Chunk) => ({ documentId: c.documentId, start: c.start, end: c.end });
  const make = (question: string, answers: string[], sources: Chunk[], kind: string): GoldenItem => ({
    id: `syn-${sha256(question).slice(0, 10)}`, question, answers, sources: sources.map(span), answerable: answers.length > 0,
    tags: ['synthetic', kind], metadata: { chunkIds: sources.map((c) => c.id), generatedBy: `${model.provider}:${model.modelId}` },
  });

  for (const [target, kind] of [[count, 'single'], [unanswerable, 'unanswerable'], [multiDoc, 'multi-doc']] as const) {
    let made = 0;
    let attempts = 0;
    let cursor = 0; // each kind walks the shuffled chunks from the start: small corpora serve every kind
    while (made < target && attempts < target * 3 && cursor < chunks.length) {
      attempts++;
      const a = chunks[cursor++]!;
      let pair: Chunk[] = [a];
      if (kind === 'multi-doc') {
        const hits = await store.searchKeyword({ tenant, query: a.text.split(/\s+/).slice(0, 40).join(' '), topK: 10 });
        const b = hits.find((h) => h.chunk.documentId !== a.documentId && h.chunk.text.length >= minChunkChars)?.chunk;
        if (!b) continue;
        pair = [a, b];
      }
      const reply = await ask(kind === 'single' ? singlePrompt(a.text) : kind === 'unanswerable' ? unanswerablePrompt(a.text) : multiPrompt(a.text, pair[1]!.text), kind === 'unanswerable' ? questionSchema : qaSchema);
      const question = typeof reply?.question === 'string' ? reply.question.trim() : '';
      const answer = typeof reply?.answer === 'string' ? reply.answer.trim() : '';
      if (!question || (kind !== 'unanswerable' && !answer)) {
        warnings.push({ type: 'unusable-reply', message: `unusable ${kind} reply for chunk ${a.id}` });
        continue;
      }
      if (kind !== 'unanswerable' && !_grounded(answer, pair.map((c) => c.text).join('\n'))) {
        warnings.push({ type: 'ungrounded-answer', message: `ungrounded ${kind} answer dropped (not in its source): ${answer}` });
        continue;
      }
      if (!accept(question, kind)) continue;
      const item = make(question, kind === 'unanswerable' ? [] : [answer], kind === 'unanswerable' ? [] : pair, kind);
      if (kind === 'unanswerable') item.metadata = { ...item.metadata, lookAlikeOf: span(a) };
      entries.push({ item, sources: await Promise.all(pair.map(async (c) => ({ label: await label(c), text: c.text }))) });
      made++;
    }
    if (made < target) warnings.push({ type: 'fewer-items', message: `made ${made} of ${target} ${kind} questions (ran out of usable chunks or replies)` });
  }
  const items = entries.map((e) => e.item);
  const review = renderReviewFile(entries);
  let files: GenerateTestSetResult['files'];
  if (out) {
    files = { golden: out, review: `${out.replace(/\.jsonl?$/, '')}.review.md` };
    await mkdir(dirname(out), { recursive: true });
    await writeFile(files.golden, items.map((i) => JSON.stringify(i)).join('\n') + (items.length ? '\n' : ''));
    await writeFile(files.review, review);
  }
  return { items, review, ...(files ? { files } : {}), warnings, usage };
}

async function _candidateChunks(store: Store, tenant: string, minChars: number): Promise<Chunk[]> {
  const out: Chunk[] = [];
  let afterId: string | undefined;
  for (;;) {
    const docs = await store.listDocuments({ tenant, limit: 200, afterId });
    for (const d of docs) for (const c of await store.listChunks({ tenant, documentId: d.id })) if (c.role === 'leaf' && c.text.length >= minChars) out.push(c);
    if (docs.length < 200 || out.length >= 5000) return out;
    afterId = docs.at(-1)!.id;
  }
}

function _shuffle<T>(xs: T[], seed: number): T[] {
  const rand = mulberry32(seed);
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** The answer's content terms mostly (≥ 60%) occur in the source. */
function _grounded(answer: string, source: string): boolean {
  const a = contentTerms(answer);
  if (a.size === 0) return source.toLowerCase().includes(answer.toLowerCase());
  const s = contentTerms(source);
  let found = 0;
  for (const t of a) if (s.has(t)) found++;
  return found / a.size >= 0.6;
}

const _jaccard = (a: Set<string>, b: Set<string>) => {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter || 1);
};
