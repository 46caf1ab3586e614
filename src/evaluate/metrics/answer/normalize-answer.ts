/**
 * SQuAD answer normalisation, keeping tokens apart: Markdown links and images keep their text and lose their
 * target (`[httpx](https://www.python-httpx.org)` → `httpx`), citation markers `[n]` are removed, then
 * lowercase, ASCII punctuation (Python's `string.punctuation`) becomes a space — so `per-seat` is two tokens
 * and a URL never collapses into one — the articles a/an/the are removed and whitespace collapses.
 */
export function normalizeAnswer(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\[\d+(?:\s*,\s*\d+)*\]/g, ' ')
    .toLowerCase()
    .replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, ' ')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Tokens of a normalised answer (whitespace split). */
export function _answerTokens(text: string): string[] {
  const n = normalizeAnswer(text);
  return n.length === 0 ? [] : n.split(' ');
}
