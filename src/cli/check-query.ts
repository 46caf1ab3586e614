import { analyze } from '../util/text/analyzer.js';
import { FathomError } from '../util/errors.js';

/**
 * A search query or question as given on the command line: not blank, at most `maxChars` characters
 * (config `search.maxQueryChars`), and with at least one searchable term (not only stop words or punctuation).
 * Returns it trimmed; otherwise INVALID_ARGUMENT.
 */
export function checkQuery(query: string, { maxChars, what = 'query' }: { maxChars: number; what?: 'query' | 'question' }): string {
  const text = query.trim();
  if (text.length === 0) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `The ${what} is empty: give the words to search for, e.g. \`fathom search "refund policy"\`.` });
  if (text.length > maxChars) {
    throw new FathomError({
      code: 'INVALID_ARGUMENT',
      message: `The ${what} has ${text.length} characters, more than the ${maxChars} allowed: shorten it (or raise search.maxQueryChars in fathom.config.json).`,
      details: { chars: text.length, maxChars },
    });
  }
  if (analyze(text).length === 0) {
    const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `The ${what} ${JSON.stringify(shown)} has no searchable terms (only stop words, punctuation or symbols): add a content word.` });
  }
  return text;
}
