import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Warning } from '../../spec/embedding-model.js';
import { FathomError } from '../../util/errors.js';
import { _writeChatJsonl, type _DataRecord } from './_bundle-data.js';
import { _renderReadme, _renderRequirements, _renderRunScript } from './_render-scripts.js';
import { _isJinja, _renderAxolotl, _renderTrl, _renderUnsloth, type _BundleConfig } from './_render-trainer.js';
import { _trainerVersions } from './_trainer-versions.js';

/** Options of {@link exportTrainerBundle}. */
export interface ExportTrainerBundleOptions {
  trainer: 'trl' | 'axolotl' | 'unsloth';
  /** Hugging Face model id or local path of the base model, e.g. `Qwen/Qwen2.5-7B-Instruct`. */
  baseModel: string;
  /** Chat JSONL (`{ messages }`, or ShareGPT `{ conversations }`, converted line by line). */
  trainPath: string;
  validationPath?: string;
  /** Bundle folder; must be empty or absent unless `overwrite`. */
  outDir: string;
  /** LoRA settings. @default { r: 16, alpha: 32, dropout: 0.05, targetModules: 'all-linear' } */
  lora?: { r?: number; alpha?: number; dropout?: number; targetModules?: string[] | 'all-linear' };
  /** Load the base model in 4-bit (QLoRA). @default true */
  qlora?: boolean;
  /** @default 3 */
  epochs?: number;
  /** @default 0.0002 */
  learningRate?: number;
  /** @default 2048 */
  maxSeqLength?: number;
  /** Per-device micro batch. @default 2 */
  batchSize?: number;
  /** @default 4 */
  gradientAccumulationSteps?: number;
  /** Named template (`chatml`, `llama3`, …) or a Jinja template. @default the tokenizer's own template */
  chatTemplate?: string;
  /** @default 42 */
  seed?: number;
  /** Override pinned Python package versions. */
  versions?: Record<string, string>;
  /** @default false */
  overwrite?: boolean;
  _internal?: { now?: () => number };
}

/** `fathom-bundle.json`. */
export interface TrainerBundleManifest {
  format: 'fathom-trainer-bundle';
  version: 1;
  createdAt: string;
  config: Omit<_BundleConfig, 'hasValidation'>;
  versions: Record<string, string>;
  data: { train: _DataRecord; validation?: _DataRecord };
  files: string[];
  warnings: Warning[];
}

/** Writes a ready-to-run TRL / Axolotl / Unsloth bundle: data, config or train.py, run.sh, README and manifest. */
export async function exportTrainerBundle(options: ExportTrainerBundleOptions): Promise<{ outDir: string; manifest: TrainerBundleManifest }> {
  const { trainer, baseModel, trainPath, validationPath, lora = {}, qlora = true, epochs = 3, learningRate = 2e-4, maxSeqLength = 2048, batchSize = 2, gradientAccumulationSteps = 4, chatTemplate, seed = 42, overwrite = false, _internal: { now = Date.now } = {} } = options;
  if (!(trainer in _trainerVersions)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Unknown trainer '${String(trainer)}'; use trl, axolotl or unsloth.`, details: { trainer } });
  if (!baseModel) throw new FathomError({ code: 'INVALID_ARGUMENT', message: "Set 'baseModel' (a Hugging Face model id such as Qwen/Qwen2.5-7B-Instruct)." });
  const config: _BundleConfig = {
    trainer, baseModel, qlora, epochs, learningRate, maxSeqLength, batchSize, gradientAccumulationSteps, seed, hasValidation: validationPath !== undefined,
    lora: { r: lora.r ?? 16, alpha: lora.alpha ?? 32, dropout: lora.dropout ?? 0.05, targetModules: lora.targetModules ?? 'all-linear' },
    ...(chatTemplate !== undefined ? { chatTemplate } : {}),
  };
  _check(config);
  const warnings: Warning[] = [];
  if (trainer === 'trl' && chatTemplate !== undefined && !_isJinja(chatTemplate)) {
    warnings.push({ type: 'unsupported-setting', setting: 'chatTemplate', message: `TRL takes a Jinja chat template, not the name '${chatTemplate}'; the tokenizer's own template is used.` });
  }
  const versions: Record<string, string> = { ..._trainerVersions[trainer], ...options.versions };
  const outDir = resolve(options.outDir);
  await _prepareDir(outDir, overwrite);
  await mkdir(join(outDir, 'data'), { recursive: true });

  const train = await _writeChatJsonl(trainPath, join(outDir, 'data', 'train.jsonl'), 'data/train.jsonl');
  const validation = validationPath === undefined ? undefined : await _writeChatJsonl(validationPath, join(outDir, 'data', 'validation.jsonl'), 'data/validation.jsonl');
  const files: Record<string, string> = {
    [trainer === 'axolotl' ? 'config.yml' : 'train.py']: trainer === 'axolotl' ? _renderAxolotl(config) : trainer === 'trl' ? _renderTrl(config) : _renderUnsloth(config),
    'requirements.txt': _renderRequirements(versions),
    'run.sh': _renderRunScript(config, versions),
    'README.md': _renderReadme(config, versions, { train: train.lines, ...(validation ? { validation: validation.lines } : {}) }),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(outDir, name), text);
  await chmod(join(outDir, 'run.sh'), 0o755);
  const { hasValidation: _unused, ...resolved } = config;
  const manifest: TrainerBundleManifest = {
    format: 'fathom-trainer-bundle', version: 1, createdAt: new Date(now()).toISOString(), config: resolved, versions,
    data: validation ? { train, validation } : { train },
    files: [...Object.keys(files), 'data/train.jsonl', ...(validation ? ['data/validation.jsonl'] : []), 'fathom-bundle.json'].sort(),
    warnings,
  };
  await writeFile(join(outDir, 'fathom-bundle.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { outDir, manifest };
}

function _check(c: _BundleConfig): void {
  const bad = (field: string, why: string): never => { throw new FathomError({ code: 'INVALID_ARGUMENT', message: `'${field}' ${why}.`, details: { field } }); };
  if (!Number.isInteger(c.lora.r) || c.lora.r < 1) bad('lora.r', 'must be a positive integer (16 is a good start)');
  if (!(c.lora.alpha > 0)) bad('lora.alpha', 'must be positive (usually 2 × r)');
  if (!(c.lora.dropout >= 0 && c.lora.dropout < 1)) bad('lora.dropout', 'must be in [0, 1)');
  if (Array.isArray(c.lora.targetModules) && c.lora.targetModules.length === 0) bad('lora.targetModules', "must list modules or be 'all-linear'");
  if (!(c.epochs > 0)) bad('epochs', 'must be positive');
  if (!(c.learningRate > 0 && c.learningRate < 1)) bad('learningRate', 'must be in (0, 1), e.g. 2e-4 for LoRA');
  for (const f of ['maxSeqLength', 'batchSize', 'gradientAccumulationSteps', 'seed'] as const) if (!Number.isInteger(c[f]) || c[f] < (f === 'seed' ? 0 : 1)) bad(f, 'must be a positive integer');
}

async function _prepareDir(dir: string, overwrite: boolean): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  if (entries.length > 0 && !overwrite) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${dir} is not empty; choose an empty folder or pass overwrite: true (--force).`, details: { path: dir } });
  }
  await mkdir(dir, { recursive: true });
}
