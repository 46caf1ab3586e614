/**
 * fathom: ground an LLM in your documents, tune its behaviour, measure both, decide which a failure needs.
 * Everything is a function taking one options object; stores and models are passed in, never global.
 */
export type * from './spec/index.js';
// Both spec (structured output) and tune lint name a JSON Schema type; the spec one is the public name.
export type { JsonSchema } from './spec/chat-model.js';

// Errors
export { FathomError, errorCatalog, exitCodes, toFathomError } from './util/errors.js';
export type { ErrorCategory, ErrorCode } from './util/errors.js';

// Utilities a user composes with
export { embedMany } from './core/embed-many.js';
export { withRetry } from './util/http/retry.js';
export { generateText } from './core/generate-text.js';
export { streamText } from './core/stream-text.js';
export { parseSse } from './util/http/sse.js';
export { normalizeText } from './util/text/normalize-text.js';
export { analyze, tokenize } from './util/text/analyzer.js';
export type { AnalyzeOptions } from './util/text/analyzer.js';
export { createGptTokenizer, loadHfTokenizer, prepareText } from './util/tokenizers/index.js';
export type { GptTokenizerOptions, HfTokenizerOptions } from './util/tokenizers/index.js';
export { minhashSignature, lshBands, estimateJaccard } from './util/text/minhash.js';

// Ingest
export * from './ingest/index.js';
export * from './ingest/chunkers/index.js';
export { csvLoader, docxLoader, htmlLoader, jsonlLoader, markdownLoader, pdfLoader, textLoader } from './ingest/loaders/index.js';

// Stores
export { createSqliteStore } from './store/sqlite/index.js';
export type { SqliteStoreOptions, VectorIndexOptions } from './store/sqlite/index.js';

// Retrieve
export * from './retrieve/index.js';

// Generate
export * from './generate/index.js';

// Evaluate
export * from './evaluate/index.js';

// Decide and report
export * from './decide/index.js';
export * from './report/index.js';

// Tune
export * from './tune/index.js';

// Continuous evaluation, lineage, data readiness
export * from './monitor/index.js';
export * from './lineage/index.js';
export * from './readiness/index.js';

// Providers (each imports its heavy dependency lazily, on first use)
export * from './providers/transformers-js/index.js';
export * from './providers/openai-compatible/index.js';
export * from './providers/http-rerank/index.js';
export * from './providers/llama-cpp/index.js';
export * from './providers/anthropic/index.js';
