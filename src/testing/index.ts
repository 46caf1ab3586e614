/**
 * fathom/testing: the conformance suites (stores, chat and embedding models, rerankers, chunkers, loaders), loopback servers that speak provider
 * protocols exactly (with scriptable faults), and writers of tiny real models (ONNX, GGUF) for tests.
 */
export { runStoreConformance } from './store-conformance.js';
export { createMockChatModel } from './mock-chat-model.js';
export type { MockChatModel, MockChatModelOptions } from './mock-chat-model.js';
export type { StoreConformanceOptions } from './store-conformance.js';
export { startOpenAICompatibleServer, hashEmbed } from './openai-compatible-server.js';
export type { OpenAICompatibleServerOptions, RecordedRequest, ScriptedServer, ServerScriptStep } from './openai-compatible-server.js';
export { startOpenAIChatServer } from './openai-chat-server.js';
export type { OpenAIChatServerOptions, ChatServerScriptStep } from './openai-chat-server.js';
export { startAnthropicServer } from './anthropic-server.js';
export type { AnthropicServerOptions } from './anthropic-server.js';
export { startRerankServer, overlapScore } from './rerank-server.js';
export type { RerankServerOptions, RerankShape } from './rerank-server.js';
export { startFineTuningServer } from './fine-tuning-server.js';
export type { FineTuningServer, FineTuningServerScript, RecordedTuneRequest } from './fine-tuning-server.js';
export { writeTinyBertModel } from './tiny-onnx/index.js';
export type { TinyBertModel, WriteTinyBertModelOptions } from './tiny-onnx/index.js';
export { writeTinyLlamaGguf, encodeGguf } from './tiny-gguf/index.js';
export type { TinyLlamaGguf, WriteTinyLlamaGgufOptions, GgufTensor, GgufValue } from './tiny-gguf/index.js';
export { runChatModelConformance } from './chat-model-conformance.js';
export type { ChatModelConformanceOptions, ChatModelFixture } from './chat-model-conformance.js';
export { runEmbeddingModelConformance } from './embedding-model-conformance.js';
export type { EmbeddingModelConformanceOptions, EmbeddingModelFixture } from './embedding-model-conformance.js';
export { runRerankerConformance } from './reranker-conformance.js';
export type { RerankerConformanceOptions, RerankerFixture } from './reranker-conformance.js';
export { runChunkerConformance, checkChunkDrafts } from './chunker-conformance.js';
export type { ChunkerConformanceOptions, CheckChunkDraftsOptions } from './chunker-conformance.js';
export { runLoaderConformance, collectLoadEvents } from './loader-conformance.js';
export type { LoaderConformanceOptions, LoaderSample } from './loader-conformance.js';
