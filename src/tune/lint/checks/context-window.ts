import type { LintCheck } from '../_context.js';
import { messageText } from '../lint-records.js';

/** Tokens per message beyond its text (role markers), as in OpenAI's counting guide. */
const PER_MESSAGE = 4;
const PER_EXAMPLE = 3;

/** Counts tokens per example (whole conversation; DPO: prompt + longer answer) and flags those over the context window. */
export const checkContextWindow: LintCheck = (ctx) => {
  const { records, tokenizer, contextWindow } = ctx;
  const over: number[] = [];
  records.forEach((r, i) => {
    const count = (msgs: typeof r.messages): number => msgs.reduce((n, m) => n + PER_MESSAGE + tokenizer.count(messageText(m)), 0);
    let n = PER_EXAMPLE + count(r.messages) + (r.tools ? tokenizer.count(JSON.stringify(r.tools)) : 0);
    if (r.rejected) n = Math.max(n, PER_EXAMPLE + count(r.messages.slice(0, r.promptTurns)) + count(r.rejected));
    ctx.tokens[i] = n;
    if (n > contextWindow) over.push(r.line);
  });
  if (over.length === 0) return [];
  return [{
    check: 'context-window',
    severity: 'error',
    lines: over,
    message: `${over.length} example(s) exceed the ${contextWindow}-token context window (${tokenizer.id})`,
    hint: 'Shorten or split these conversations, or train with a longer max sequence length; trainers silently truncate them.',
  }];
};
