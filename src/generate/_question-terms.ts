import { analyze } from '../util/text/analyzer.js';
import { questionWordTerms } from '../util/text/question-words.js';

// The adjective of "how long / old / far …" names the answer's type (a duration, an age, a distance), not a word
// the answer's sentence shares: "How long are backups kept?" is answered by "retained for 35 days", not by "as long as".
const HOW_ADJECTIVE = /\bhow\s+(?:long|old|far|often|large|big|tall|high|wide|deep|heavy|fast|soon)\b/gi;

/** Distinct content terms of a question (analyzer terms minus question words and the adjective of "how long"…). */
export function _questionTerms(question: string): string[] {
  return [...new Set(analyze(question.replace(HOW_ADJECTIVE, 'how')))].filter((t) => !questionWordTerms().has(t));
}
