import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type * as NodeLlamaCppModule from 'node-llama-cpp';
import type { Llama, LlamaModel } from 'node-llama-cpp';
import { FathomError } from '../../util/errors.js';
import { importOptional } from '../../util/import-optional.js';

/** One model-loading event: download bytes (for `hf:` references), load progress, then ready. */
export interface LlamaCppLoadProgress {
  status: 'download' | 'load' | 'ready';
  /** The model path or `hf:` reference. */
  model: string;
  downloadedBytes?: number;
  totalBytes?: number;
  /** 0–1, on `download` and `load` events. */
  progress?: number;
}

type NodeLlamaCpp = typeof NodeLlamaCppModule;

/** Imports node-llama-cpp on first use. */
export function _importLlamaCpp(): Promise<NodeLlamaCpp> {
  return importOptional(() => import('node-llama-cpp'), {
    need: 'Local GGUF models need node-llama-cpp',
    packages: ['node-llama-cpp@3.21.1'],
    instead: "use the 'openai-compatible' or 'anthropic' provider",
  });
}

/** Creates a CPU llama.cpp binding limited to `threads` (default: the cores useful for math, one per physical core). */
export async function _getLlama(lib: NodeLlamaCpp, threads: number | undefined, gpu: boolean): Promise<Llama> {
  const llama = await lib.getLlama({ gpu: gpu ? 'auto' : false, maxThreads: threads ?? 1, logLevel: lib.LlamaLogLevel.error, progressLogs: false });
  llama.maxThreads = threads ?? Math.max(1, llama.cpuMathCores);
  return llama;
}

/** Default download cache of `hf:` model references. */
export function _defaultCacheDir(): string {
  return join(homedir(), '.cache', 'fathom', 'models');
}

/** Resolves a model path or `hf:` reference to a local file, downloading into `cacheDir` when allowed. */
export async function _resolveModelFile(
  lib: NodeLlamaCpp,
  { modelPath, modelUri, cacheDir = _defaultCacheDir(), allowDownload = true, onProgress }: { modelPath?: string; modelUri?: string; cacheDir?: string; allowDownload?: boolean; onProgress?: (e: LlamaCppLoadProgress) => void },
): Promise<string> {
  if (modelPath) {
    const path = resolve(modelPath);
    if (!existsSync(path)) {
      throw new FathomError({ code: 'MODEL_NOT_AVAILABLE', message: `GGUF model file not found: ${path}. Check 'modelPath', or set 'modelUri' to an 'hf:org/repo/file.gguf' reference to download it.`, details: { path } });
    }
    return path;
  }
  const uri = modelUri!;
  const directory = resolve(cacheDir);
  try {
    return await lib.resolveModelFile(uri, {
      directory, download: allowDownload ? 'auto' : false, cli: false,
      onProgress: ({ totalSize, downloadedSize }) => onProgress?.({ status: 'download', model: uri, downloadedBytes: downloadedSize, totalBytes: totalSize, progress: totalSize ? downloadedSize / totalSize : undefined }),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const fileName = `${uri.replace(/^hf:/, 'hf_').replace(/[/:]/g, '_')}`;
    throw new FathomError({
      code: 'MODEL_NOT_AVAILABLE',
      message:
        `Model '${uri}' is not available (${reason}). It is cached in ${directory}; ${allowDownload ? 'the download failed (offline?)' : 'downloads are disabled'}. ` +
        `Connect to the internet and retry, or download the .gguf file by hand and place it at ${join(directory, fileName)} (or set 'modelPath' to it).`,
      cause: error,
      details: { modelUri: uri, cacheDir: directory },
    });
  }
}

/** Loads a GGUF file, mapping failures to MODEL_NOT_AVAILABLE. */
export async function _loadModel(llama: Llama, path: string, gpuLayers: number, onProgress?: (e: LlamaCppLoadProgress) => void): Promise<LlamaModel> {
  try {
    return await llama.loadModel({ modelPath: path, gpuLayers, onLoadProgress: (progress) => onProgress?.({ status: 'load', model: path, progress }) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FathomError({
      code: 'MODEL_NOT_AVAILABLE',
      message: `Could not load the GGUF model at ${path} (${reason}). Check that the file is a complete GGUF model for llama.cpp (re-download it if it was cut short).`,
      cause: error,
      details: { path },
    });
  }
}
