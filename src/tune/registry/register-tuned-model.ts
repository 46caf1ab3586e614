import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TunedModelRecord } from '../../spec/tune-backend.js';
import { FathomError } from '../../util/errors.js';
import { _readRegistry, _writeRegistry } from './_registry-file.js';

/** Options of {@link registerTunedModel}. */
export interface RegisterTunedModelOptions extends Omit<TunedModelRecord, 'registeredAt'> {
  /** Registry file, e.g. `.fathom/models.json` (created when absent). */
  registryPath: string;
  /** Replace an entry of the same name. @default false */
  overwrite?: boolean;
  _internal?: { now?: () => number };
}

/** Records a tuned model (GGUF, GGUF LoRA adapter, or an OpenAI-compatible model id) in the registry file. */
export async function registerTunedModel({ registryPath, name, kind, path, baseModel, baseURL, modelId, metrics, overwrite = false, _internal: { now = Date.now } = {} }: RegisterTunedModelOptions): Promise<TunedModelRecord> {
  const bad = (message: string, details: Record<string, unknown> = {}): FathomError => new FathomError({ code: 'INVALID_ARGUMENT', message, details: { name, kind, ...details } });
  if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/.test(name)) throw bad(`Model name '${name}' must start with a letter or digit and use only letters, digits and . _ : / -.`);
  const record: TunedModelRecord = { name, kind, registeredAt: new Date(now()).toISOString() };
  if (kind === 'gguf' || kind === 'gguf-lora') {
    if (!path) throw bad(`A '${kind}' model needs 'path' (the .gguf file).`);
    record.path = await _checkGguf(path, 'path');
    if (kind === 'gguf-lora') {
      if (!baseModel) throw bad("A 'gguf-lora' adapter needs 'baseModel': the GGUF file of the model it was trained on.");
      record.baseModel = await _checkGguf(baseModel, 'baseModel');
    } else if (baseModel) record.baseModel = baseModel;
  } else if (kind === 'openai-compatible') {
    if (!baseURL || !modelId) throw bad("An 'openai-compatible' model needs 'baseURL' (e.g. http://host:8000/v1) and 'modelId'.");
    let url: URL;
    try {
      url = new URL(baseURL);
    } catch {
      throw bad(`'${baseURL}' is not a URL; use e.g. http://host:8000/v1.`, { baseURL });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad(`'${baseURL}' must be an http(s) URL.`, { baseURL });
    Object.assign(record, { baseURL, modelId }, baseModel ? { baseModel } : {});
  } else {
    throw bad(`Unknown kind '${String(kind)}'; use gguf, gguf-lora or openai-compatible.`);
  }
  if (metrics) {
    for (const [k, v] of Object.entries(metrics)) if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(`Metric '${k}' must be a finite number.`);
    record.metrics = metrics;
  }
  const registry = await _readRegistry(registryPath);
  const existing = registry.models.findIndex((m) => m.name === name);
  if (existing >= 0 && !overwrite) throw bad(`A model named '${name}' is already registered in ${registryPath}; pick another name or pass overwrite: true (--force).`);
  if (existing >= 0) registry.models[existing] = record;
  else registry.models.push(record);
  await _writeRegistry(registryPath, registry);
  return record;
}

async function _checkGguf(file: string, field: string): Promise<string> {
  const absolute = resolve(file);
  let handle;
  try {
    handle = await open(absolute, 'r');
  } catch (error) {
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `'${field}' ${absolute} does not exist or cannot be read.`, cause: error, details: { path: absolute, field } });
  }
  try {
    const magic = Buffer.alloc(4);
    const { bytesRead } = await handle.read(magic, 0, 4, 0);
    if (bytesRead < 4 || magic.toString('latin1') !== 'GGUF') {
      throw new FathomError({ code: 'UNSUPPORTED_FORMAT', message: `${absolute} is not a GGUF file (no 'GGUF' magic bytes); convert it with llama.cpp (convert_hf_to_gguf.py / convert_lora_to_gguf.py).`, details: { path: absolute, field } });
    }
  } finally {
    await handle.close();
  }
  return absolute;
}
