/** The answer given when the sources do not contain the answer (configurable per call). */
export const DEFAULT_ABSTENTION_TEXT = "I don't know based on the provided documents.";

// Typical ways a model declines; matched against the start of the reply or the whole of a short reply.
const DECLINE_PATTERNS: readonly RegExp[] = [
  /^(?:i'?m sorry,?\s*(?:but\s*)?)?i (?:do not|don't|cannot|can't|can ?not) (?:know|answer|find|determine|tell|say)\b/i,
  /^(?:i'?m sorry,?\s*(?:but\s*)?)?i (?:am not|'m not) (?:sure|able to (?:answer|find|determine))\b/i,
  /^(?:sorry,?\s*)?(?:the|these|this|provided) (?:provided )?(?:sources?|documents?|context|passages?) (?:do(?:es)? not|don't|doesn't) (?:contain|include|mention|say|provide|specify|state)\b/i,
  /^(?:there is|there's) no (?:information|mention|answer)\b/i,
  /^no (?:information|answer) (?:is |was )?(?:available|found|provided)\b/i,
  /^(?:unknown|not (?:stated|specified|mentioned|available)|insufficient (?:information|context))\.?$/i,
];

/**
 * Whether a model reply declines to answer: it contains the configured abstention text, or it opens with a
 * typical "I don't know" / "the sources do not contain" phrasing. A reply that declines and then answers
 * anyway ("I don't know exactly, but …") counts as declined only when it is short (≤ 200 characters).
 */
export function isDeclined(text: string, abstentionText: string = DEFAULT_ABSTENTION_TEXT): boolean {
  const reply = text.trim().replace(/^["'“]|["'”]$/g, '');
  if (reply.length === 0) return true;
  const norm = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').replace(/[.!]+$/, '').trim();
  if (norm(reply).includes(norm(abstentionText))) return true;
  if (reply.length > 200) return false;
  const first = norm(reply).replace(/\[\d+(?:\s*,\s*\d+)*\]/g, '').trim();
  return DECLINE_PATTERNS.some((p) => p.test(first));
}
