import type { TuneDataWarning, TuneExample, TuneFormat } from '../../spec/tune-data.js';
import { FathomError } from '../../util/errors.js';
import { chatToAlpaca, chatToShareGpt } from './from-chat.js';
import { toChat } from './to-chat.js';

/** Options of {@link convertExample}. */
export interface ConvertExampleOptions {
  example: TuneExample;
  /** Format of `example`. */
  from: TuneFormat;
  /** Target format; `dpo` is only reachable from `dpo`. */
  to: Exclude<TuneFormat, 'dpo'> | 'dpo';
}

/**
 * Convert one record between formats, through the chat shape. Nothing is dropped silently: every
 * loss (rejected DPO answers, tool calls in Alpaca, earlier turns in Alpaca) comes back as a warning.
 */
export function convertExample({ example, from, to }: ConvertExampleOptions): { example: TuneExample; warnings: TuneDataWarning[] } {
  if (to === 'dpo') {
    if (from === 'dpo') return { example, warnings: [] };
    throw new FathomError({
      code: 'UNSUPPORTED_FORMAT',
      message: `Cannot convert ${from} to dpo: a preference pair needs a rejected answer. Build pairs from evaluation outputs instead.`,
      details: { from, to },
    });
  }
  const chat = toChat({ example, format: from });
  if (to === 'chat') return chat;
  const out = to === 'sharegpt' ? chatToShareGpt(chat.example) : chatToAlpaca(chat.example);
  return { example: out.example, warnings: [...chat.warnings, ...out.warnings] };
}
