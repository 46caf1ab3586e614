import { basename } from 'node:path';
import type { Llama, LlamaChat, LlamaContext, LlamaGrammar, LlamaModel } from 'node-llama-cpp';
import type { ChatCallOptions, ChatModel, ChatResult, ChatStreamPart } from '../../spec/chat-model.js';
import { FathomError, toFathomError } from '../../util/errors.js';
import { _channel } from './_channel.js';
import { _finishReason, _toHistory } from './_history.js';
import { _getLlama, _importLlamaCpp, _loadModel, _resolveModelFile, type LlamaCppLoadProgress } from './_load.js';

/** Options of {@link createLlamaCppChatModel}. Set `modelPath` or `modelUri`. */
export interface LlamaCppChatModelOptions {
  /** A local `.gguf` file. */
  modelPath?: string;
  /** A node-llama-cpp model reference such as `hf:org/repo/file.gguf`, downloaded into `cacheDir` on first use. */
  modelUri?: string;
  /** Reported model id. @default the file name without `.gguf`, or `modelUri` */
  modelId?: string;
  /** Download cache of `modelUri`. @default ~/.cache/fathom/models */
  cacheDir?: string;
  /** Download `modelUri` when it is not cached. @default true */
  allowDownload?: boolean;
  /** CPU threads for evaluation. @default one per physical core (llama.cpp's math cores), never more */
  threads?: number;
  /** Context size in tokens (prompt + output). @default the model's trained context, at most 4096 */
  contextSize?: number;
  /** Layers offloaded to a GPU; any value above 0 also lets node-llama-cpp pick a GPU backend. @default 0 */
  gpuLayers?: number;
  /** Download and load progress. */
  onProgress?: (event: LlamaCppLoadProgress) => void;
  /** An existing node-llama-cpp instance (tests share one); not disposed by `dispose()`. */
  llama?: Llama;
}

/** A ChatModel running a GGUF model in-process, plus explicit loading and disposal. */
export interface LlamaCppChatModel extends ChatModel {
  /** Loads (and downloads) the model now instead of on the first call. `contextWindow` and `countTokens` are exact afterwards. */
  load(): Promise<void>;
  /** Frees the context and the model (and the llama binding when this model created it). */
  dispose(): Promise<void>;
}

interface Loaded { llama: Llama; model: LlamaModel; context: LlamaContext; chat: LlamaChat; ownsLlama: boolean }

/** A local GGUF chat model through node-llama-cpp, using the model's own chat template. Calls run one at a time. */
export function createLlamaCppChatModel(options: LlamaCppChatModelOptions): LlamaCppChatModel {
  const { modelPath, modelUri, threads, contextSize, gpuLayers = 0, onProgress } = options;
  if (!modelPath && !modelUri) {
    throw new FathomError({ code: 'INVALID_CONFIG', message: "Set 'modelPath' (a .gguf file) or 'modelUri' (e.g. 'hf:org/repo/file.gguf') for the llama-cpp chat model." });
  }
  const modelId = options.modelId ?? (modelPath ? basename(modelPath).replace(/\.gguf$/i, '') : modelUri!);
  let loading: Promise<Loaded> | undefined;
  let loaded: Loaded | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const grammars = new Map<string, Promise<LlamaGrammar>>();

  const load = (): Promise<Loaded> => {
    loading ??= (async () => {
      const lib = await _importLlamaCpp();
      const path = await _resolveModelFile(lib, { ...options, onProgress });
      const llama = options.llama ?? (await _getLlama(lib, threads, gpuLayers > 0));
      const model = await _loadModel(llama, path, gpuLayers, onProgress);
      const size = contextSize ?? Math.min(model.trainContextSize, 4096);
      const context = await model.createContext({ contextSize: size, threads: threads ?? llama.maxThreads, sequences: 1 });
      const chat = new lib.LlamaChat({ contextSequence: context.getSequence() });
      onProgress?.({ status: 'ready', model: path });
      return (loaded = { llama, model, context, chat, ownsLlama: !options.llama });
    })();
    loading.catch(() => (loading = undefined));
    return loading;
  };

  const grammarFor = (llama: Llama, format: NonNullable<ChatCallOptions['responseFormat']>): Promise<LlamaGrammar> => {
    const key = JSON.stringify(format.schema ?? null);
    let grammar = grammars.get(key);
    if (!grammar) {
      grammar = (format.schema ? llama.createGrammarForJsonSchema(format.schema as never) : llama.getGrammarFor('json')).catch((error: unknown) => {
        grammars.delete(key);
        throw new FathomError({ code: 'INVALID_ARGUMENT', message: `The JSON Schema cannot be turned into a llama.cpp grammar: ${(error as Error).message}. Simplify the schema (types, properties, required, enum, arrays).`, cause: error });
      });
      grammars.set(key, grammar);
    }
    return grammar;
  };

  const aborted = (call: ChatCallOptions, cause?: unknown): FathomError =>
    new FathomError({ code: 'INTERRUPTED', message: `Generation with '${modelId}' was aborted.`, cause: cause ?? call.abortSignal?.reason });

  const generate = async (call: ChatCallOptions, onText?: (delta: string) => void): Promise<ChatResult> => {
    if (call.abortSignal?.aborted) throw aborted(call);
    const { chat, llama, model, context } = await load();
    const history = _toHistory(call.messages);
    const inputTokens = chat.chatWrapper.generateContextState({ chatHistory: history }).contextText.tokenize(model.tokenizer).length;
    const room = context.contextSize - inputTokens;
    if (room < 1) {
      throw new FathomError({ code: 'INVALID_ARGUMENT', message: `The prompt is ${inputTokens} tokens but the context of '${modelId}' holds ${context.contextSize}; shorten the prompt or raise 'contextSize'.`, details: { inputTokens, contextSize: context.contextSize } });
    }
    const grammar = call.responseFormat ? await grammarFor(llama, call.responseFormat) : undefined;
    let outputTokens = 0;
    try {
      const response = await chat.generateResponse(history, {
        maxTokens: Math.min(call.maxOutputTokens ?? room, room), temperature: call.temperature, topP: call.topP, seed: call.seed,
        customStopTriggers: call.stopSequences, grammar, signal: call.abortSignal,
        onToken: (tokens) => void (outputTokens += tokens.length),
        onTextChunk: onText && ((text) => void (text && onText(text))),
      });
      // node-llama-cpp ends an aborted generation normally (stopReason 'abort'); the contract says INTERRUPTED.
      if (call.abortSignal?.aborted) throw aborted(call);
      return { text: response.response, finishReason: _finishReason(response.metadata.stopReason), usage: { inputTokens, outputTokens }, responseModelId: modelId };
    } catch (error) {
      if (FathomError.isInstance(error)) throw error;
      if (call.abortSignal?.aborted) throw aborted(call, error);
      throw toFathomError(error);
    }
  };

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    specificationVersion: 'v1', provider: 'llama-cpp', modelId,
    get contextWindow() {
      return loaded?.context.contextSize ?? contextSize ?? 4096;
    },
    supportsStreaming: true, supportsStructuredOutput: true, supportsParallelCalls: false,
    countTokens(text: string): number {
      if (!loaded) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `countTokens needs the model loaded: await load() on the '${modelId}' chat model first.` });
      return loaded.model.tokenize(text).length;
    },
    async load() {
      await load();
    },
    doGenerate: (call) => enqueue(() => generate(call)),
    async *doStream(call): AsyncGenerator<ChatStreamPart> {
      await load();
      const parts = _channel<ChatStreamPart>();
      const stop = new AbortController();
      const signal = call.abortSignal ? AbortSignal.any([call.abortSignal, stop.signal]) : stop.signal;
      void enqueue(() => generate({ ...call, abortSignal: signal }, (delta) => parts.push({ type: 'text-delta', delta })))
        .then(({ finishReason, usage }) => parts.push({ type: 'finish', finishReason, usage }), (error: unknown) => parts.push({ type: 'error', error: toFathomError(error) }))
        .finally(() => parts.end());
      try {
        yield* parts;
      } finally {
        stop.abort();
      }
    },
    async dispose() {
      const current = loading && (await loading.catch(() => undefined));
      loading = undefined;
      loaded = undefined;
      if (!current) return;
      await current.context.dispose();
      await current.model.dispose();
      if (current.ownsLlama) await current.llama.dispose();
    },
  };
}
