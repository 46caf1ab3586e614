import { analyze } from '../util/text/analyzer.js';

// "X is called / known as / referred to as Y": Y names X.
const NAMING = /\b(?:is|are|was|were)\s+(?:(?:also|often|commonly|usually|generally|sometimes)\s+)?(?:called|named|termed|dubbed|known\s+as|referred\s+to\s+as)\s+([^,;:.()]+)/i;
// "X is/are/was a …" at the start of the sentence (after an opening phrase such as "In 1990,").
const DEFINITION = /^(?:[^,]{0,40},\s+)?((?:[\p{L}\p{N}'’-]+\s+){0,6}?[\p{L}\p{N}'’-]+)\s+(?:is|are|was|were)\s+(?:(?:a|an|the|one|also|still)\s+)/iu;
const MAX_WORDS = 6;

/**
 * The answer of a "what is the term for …" question read off a copular sentence: the name after "is called /
 * known as / referred to as" when the named thing holds the question's words, or the subject of "S is a …" when
 * the question's words are in the predicate and none in the subject ("A Turing machine is a mathematical model
 * of a general computing machine" answers "What is the term for a mathematical model …?"). Undefined otherwise.
 */
export function _copulaSpan(sentence: string, qSet: ReadonlySet<string>): string | undefined {
  const share = (text: string) => {
    const terms = analyze(text);
    return terms.length === 0 ? 0 : terms.filter((t) => qSet.has(t)).length;
  };
  const named = NAMING.exec(sentence);
  if (named) {
    const name = _clip(named[1]!.replace(/\s+(?:and|or|because|which|who|that|in|for|by|when|while)\b.*$/i, ''));
    if (name && share(name) < analyze(name).length && share(name) <= 1 && share(sentence.slice(0, named.index)) >= 2) return name;
  }
  const def = DEFINITION.exec(sentence);
  if (def) {
    const subject = def[1]!.replace(/^(?:the|a|an)\s+/i, '');
    const rest = sentence.slice(def.index + def[0].length);
    if (share(subject) < analyze(subject).length && share(subject) <= 1 && share(rest) >= 2 + share(subject) && subject.split(/\s+/).length <= MAX_WORDS && !/^(?:it|this|that|these|those|they|he|she|there|which|who|what)$/i.test(subject)) return subject;
  }
  return undefined;
}

function _clip(text: string): string | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length === 0 || words.length > MAX_WORDS ? undefined : words.join(' ');
}
