import { DEFAULT_MIN_SUFFICIENCY } from '../retrieve/index.js';
import type { SufficiencyModel } from '../spec/retrieve.js';
import { FathomError } from '../util/errors.js';
import type { FathomConfig } from './config.js';

/** The sufficiency model and abstention threshold: `--min-sufficiency`, else config `answer.minSufficiency`, else the default. */
export function sufficiencyOptions(config: FathomConfig, flag: unknown): { model?: SufficiencyModel; minSufficiency: number; source: 'flag' | 'config' | 'default' } {
  const model = config.answer?.sufficiencyModel;
  if (flag !== undefined) return { model, minSufficiency: _unit(flag, '--min-sufficiency'), source: 'flag' };
  if (config.answer?.minSufficiency !== undefined) return { model, minSufficiency: _unit(config.answer.minSufficiency, `${config.file ?? 'config'}: answer.minSufficiency`), source: 'config' };
  return { model, minSufficiency: DEFAULT_MIN_SUFFICIENCY, source: 'default' };
}

function _unit(value: unknown, name: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${name} must be a number between 0 and 1 (the sufficiency score below which fathom abstains), got "${String(value)}".` });
  }
  return n;
}
