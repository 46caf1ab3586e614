/**
 * SQuAD answer normalisation (the official v1.1/v2.0 evaluation script): lowercase, delete ASCII punctuation
 * (Python's `string.punctuation`),
 * remove the articles a/an/the, collapse whitespace.
 */
export function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Tokens of a normalised answer (whitespace split). */
export function _answerTokens(text: string): string[] {
  const n = normalizeAnswer(text);
  return n.length === 0 ? [] : n.split(' ');
}
