import { createOnlineJudges, type OnlineJudging } from '../monitor/index.js';
import { FathomError } from '../util/errors.js';
import { buildChatModel } from './build.js';
import type { FathomConfig } from './config.js';
import type { CliIO } from './io.js';

/**
 * The judging of online scoring from `monitor.judge` in the config, or from `--judge` / `--judge-runs`, which take
 * precedence: the same judges and limits for `fathom serve`'s background scoring and `fathom monitor score`.
 * Undefined when no judge model is named.
 */
export async function buildOnlineJudging(config: FathomConfig, io: CliIO, override: { model?: string; runs?: number } = {}): Promise<OnlineJudging | undefined> {
  const configured = config.monitor?.judge;
  const spec = override.model ?? configured?.model;
  if (!spec) return undefined;
  const model = await buildChatModel(config, io, spec);
  if (!model) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `The judge needs a chat model, got "${spec}": use openai-compatible:<model>, anthropic:<model> or llama-cpp:<file.gguf> (--judge or monitor.judge.model).`, details: { flag: '--judge' } });
  return {
    judges: createOnlineJudges({ model, runs: override.runs ?? configured?.runs ?? 1 }),
    ...(configured ? { judgeRate: configured.rate, maxJudgedPerRun: configured.maxPerCycle, judgeTimeoutMs: configured.timeoutMs } : {}),
  };
}
