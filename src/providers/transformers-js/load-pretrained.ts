import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as TransformersModule from '@huggingface/transformers';
import type { PreTrainedModel, PreTrainedTokenizer } from '@huggingface/transformers';
import { FathomError } from '../../util/errors.js';
import { importOptional } from '../../util/import-optional.js';

/** One model-loading event: files are opened, downloaded (with byte progress) and finished. */
export interface ModelLoadProgress {
  status: 'initiate' | 'download' | 'progress' | 'done' | 'ready';
  modelId: string;
  /** File inside the model repository, e.g. `onnx/model_quantized.onnx`. */
  file?: string;
  /** Bytes loaded / total and percent (0–100), on `progress` events. */
  loaded?: number;
  total?: number;
  progress?: number;
}

/** Loading options shared by the transformers.js embedding model and reranker. */
export interface TransformersLoadOptions {
  /** ONNX weights variant: `q8` reads onnx/model_quantized.onnx, `fp32` onnx/model.onnx. @default 'q8' */
  dtype?: 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4' | 'bnb4' | 'q4f16';
  /** Where downloads are cached, as `<cacheDir>/<modelId>/…`. @default transformers.js's `env.cacheDir` */
  cacheDir?: string;
  /** A folder holding the model files (config.json, tokenizer.json, onnx/), or a root holding `<modelId>/`. */
  localModelPath?: string;
  /** Download from the Hugging Face Hub when the model is not cached. @default true */
  allowRemote?: boolean;
  /** Download and load progress. */
  onProgress?: (event: ModelLoadProgress) => void;
  /** onnxruntime intra-op threads. @default 1 */
  threads?: number;
}

type Transformers = typeof TransformersModule;

/** Imports transformers.js on first use. */
export function _importTransformers(): Promise<Transformers> {
  return importOptional(() => import('@huggingface/transformers'), {
    need: 'Local ONNX models need transformers.js',
    packages: ['@huggingface/transformers@4.3.1'],
    note: 'set ONNXRUNTIME_NODE_INSTALL=skip where NuGet is unreachable',
    instead: "use the 'openai-compatible' provider",
  });
}

const suffixes: Record<string, string> = { fp32: '', fp16: '_fp16', q8: '_quantized', int8: '_int8', uint8: '_uint8', q4: '_q4', bnb4: '_bnb4', q4f16: '_q4f16' };

/**
 * Loads tokenizer + model, mapping every failure to MODEL_NOT_AVAILABLE with where it looked and how to fix it.
 * A complete model folder on disk (localModelPath, or `<cacheDir>/<modelId>`) is loaded by path with no network
 * access at all: transformers.js 4.3 probes the Hub for tokenizer files even with `local_files_only`.
 */
export async function _loadPretrained(
  { modelId, dtype = 'q8', cacheDir, localModelPath, allowRemote = true, onProgress, threads = 1 }: TransformersLoadOptions & { modelId: string },
  modelClass: 'AutoModel' | 'AutoModelForSequenceClassification',
): Promise<{ tokenizer: PreTrainedTokenizer; model: PreTrainedModel; config: Record<string, unknown> }> {
  const transformers = await _importTransformers();
  const cachePath = resolve(cacheDir ?? transformers.env.cacheDir ?? '.cache');
  const onnxFile = `onnx/model${suffixes[dtype] ?? ''}.onnx`;
  const cached = join(cachePath, modelId);
  const local = localModelPath ? _localFolder(localModelPath, modelId) : _isComplete(cached, onnxFile) ? cached : undefined;
  const where = localModelPath ? (local ?? resolve(localModelPath)) : cached;
  const fail = (reason: string, cause?: unknown): FathomError =>
    new FathomError({
      code: 'MODEL_NOT_AVAILABLE',
      message:
        `Model '${modelId}' is not available (${reason}). Looked in ${where}${!local && allowRemote ? ' and on the Hugging Face Hub' : ''}. ` +
        `Copy the model folder (config.json, tokenizer.json, tokenizer_config.json, ${onnxFile}) into ${cached}, ` +
        `set 'localModelPath' to a folder holding it${allowRemote ? '' : ', or allow downloads (allowRemote: true)'}.`,
      cause,
      details: { modelId, cachePath, modelPath: where, allowRemote, dtype },
    });
  if (!local && (localModelPath || !allowRemote)) throw fail(localModelPath ? 'no config.json in localModelPath' : 'not in the cache and downloads are off');
  const source = local ?? modelId;
  const progress_callback = onProgress
    ? (info: { status: string; file?: string; loaded?: number; total?: number; progress?: number }) => {
        if (['initiate', 'download', 'progress', 'done'].includes(info.status)) {
          onProgress({ status: info.status as ModelLoadProgress['status'], modelId, file: info.file, loaded: info.loaded, total: info.total, progress: info.progress });
        }
      }
    : undefined;
  const common = { cache_dir: cachePath, local_files_only: local !== undefined, progress_callback };
  try {
    const [tokenizer, model] = await Promise.all([
      transformers.AutoTokenizer.from_pretrained(source, common),
      transformers[modelClass].from_pretrained(source, { ...common, dtype, device: 'cpu', session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 } }),
    ]);
    onProgress?.({ status: 'ready', modelId });
    return { tokenizer, model, config: model.config as unknown as Record<string, unknown> };
  } catch (error) {
    if (FathomError.isInstance(error)) throw error;
    throw fail(error instanceof Error ? error.message : String(error), error);
  }
}

function _isComplete(folder: string, onnxFile: string): boolean {
  return ['config.json', 'tokenizer.json', onnxFile].every((file) => existsSync(join(folder, file)));
}

function _localFolder(localModelPath: string, modelId: string): string | undefined {
  const direct = resolve(localModelPath);
  if (existsSync(join(direct, 'config.json'))) return direct;
  const nested = join(direct, modelId);
  return existsSync(join(nested, 'config.json')) ? nested : undefined;
}
