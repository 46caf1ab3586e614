/**
 * Contextual retrieval (Anthropic, 2024): a chat model writes a short context that situates each chunk in
 * its whole document; the context is prepended to the chunk for both the embedding and the BM25 index (never
 * to the chunk text itself). Contexts are cached by (document hash, chunk hash, model), so unchanged content
 * costs nothing to re-ingest, and an interrupted run does not pay twice.
 */
import type { ChatModel, ChatUsage } from '../spec/chat-model.js';
import type { ChunkDraft } from '../spec/chunk.js';
import type { Store } from '../spec/store.js';
import { generateText } from '../core/generate-text.js';
import { sha256 } from '../util/hash.js';
import { runPool } from '../util/run-pool.js';

export interface ContextualizeOptions {
  model: ChatModel;
  /** Characters of the document shown to the model; longer documents are windowed around the chunk. @default 24000 */
  maxDocumentChars?: number;
  /** @default 120 (the method asks for 50–100 tokens) */
  maxOutputTokens?: number;
  /** Parallel calls when the model allows them. @default 4 */
  concurrency?: number;
}

export interface ContextualizeResult {
  /** One entry per draft; undefined for parents. */
  contexts: Array<string | undefined>;
  usage: ChatUsage;
  generated: number;
  cached: number;
}

const PROMPT = (doc: string, chunk: string): string => `<document>
${doc}
</document>
Here is the chunk we want to situate within the whole document
<chunk>
${chunk}
</chunk>
Please give a short succinct context to situate this chunk within the overall document for the purposes of improving search retrieval of the chunk. Answer only with the succinct context and nothing else.`;

export async function contextualizeChunks({ store, tenant, documentId, text, contentHash, drafts, options, signal }: {
  store: Store;
  tenant: string;
  documentId: string;
  text: string;
  contentHash: string;
  drafts: ChunkDraft[];
  options: ContextualizeOptions;
  signal?: AbortSignal;
}): Promise<ContextualizeResult> {
  const { model, maxDocumentChars = 24_000, maxOutputTokens = 120, concurrency = 4 } = options;
  const modelKey = `${model.provider}:${model.modelId}`;
  const keys = drafts.map((d) => (d.role === 'leaf' ? sha256(`${contentHash}\n${sha256(d.text)}\n${modelKey}`) : undefined));
  const wanted = keys.filter((k): k is string => k !== undefined);
  const cache = store.getCachedContexts ? await store.getCachedContexts({ tenant, keys: wanted }) : new Map<string, string>();
  const contexts: Array<string | undefined> = keys.map((k) => (k ? cache.get(k) : undefined));
  const todo = keys.flatMap((k, i) => (k && !cache.has(k) ? [i] : []));
  const usage: ChatUsage = { inputTokens: 0, outputTokens: 0 };
  const fresh: Array<{ key: string; documentId: string; context: string; model: string }> = [];

  await runPool({ count: todo.length, concurrency: model.supportsParallelCalls ? Math.max(1, concurrency) : 1, task: async (n) => {
    const i = todo[n]!;
    const d = drafts[i]!;
    const result = await generateText({
      model,
      messages: [{ role: 'user', content: PROMPT(documentWindow(text, d, maxDocumentChars), d.text) }],
      maxOutputTokens,
      temperature: 0,
      abortSignal: signal,
    });
    const context = result.text.trim().replace(/\s+/g, ' ');
    contexts[i] = context;
    usage.inputTokens += result.usage.inputTokens;
    usage.outputTokens += result.usage.outputTokens;
    fresh.push({ key: keys[i]!, documentId, context, model: modelKey });
  } });
  if (fresh.length > 0 && store.putCachedContexts) await store.putCachedContexts({ tenant, entries: fresh });
  return { contexts, usage, generated: fresh.length, cached: wanted.length - todo.length };
}

/** The whole document when it fits, else a window of `max` characters centred on the chunk. */
function documentWindow(text: string, draft: ChunkDraft, max: number): string {
  if (text.length <= max) return text;
  const centre = Math.floor((draft.start + draft.end) / 2);
  const start = Math.max(0, Math.min(text.length - max, centre - Math.floor(max / 2)));
  return `${start > 0 ? '…' : ''}${text.slice(start, start + max)}${start + max < text.length ? '…' : ''}`;
}
