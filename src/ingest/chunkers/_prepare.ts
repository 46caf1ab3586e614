import type { PreparedText, Tokenizer } from '../../spec/tokenizer.js';
import { prepareText } from '../../util/tokenizers/index.js';
import { _deadlineCheck, type _Check } from './_deadline.js';

/**
 * The start every chunker shares: the deadline check for this file, called once first (a file whose
 * loading spent the budget is not tokenized), then the text tokenized once for range counts.
 */
export function _prepare(tokenizer: Tokenizer, text: string, deadline: number | undefined): { check: _Check; prepared: PreparedText } {
  const check = _deadlineCheck(deadline);
  check();
  return { check, prepared: prepareText(tokenizer, text) };
}
