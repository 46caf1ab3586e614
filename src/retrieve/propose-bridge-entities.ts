import type { Hit } from '../spec/hit.js';

export interface ProposeBridgeEntitiesOptions {
  question: string;
  /** The first hop's hits, best first. */
  hits: readonly Hit[];
  /** Passages read (the top ones). @default 3 */
  passages?: number;
  /** Entities returned. @default 2 */
  limit?: number;
}

// Words that start sentences or questions without naming anything.
const _STOP = new Set('a an and are as at be but by for from had has have he her his how i in is it its of on or our she so that the their there these they this those to was we were what when where which who whom whose why will with you'.split(' '));
// A title or heading, or a phrase in a sentence sharing no word with the question, weighs this; a phrase in a
// sentence holding the question's words weighs more (the bridge sits beside what hop 1 matched).
const _TITLE_WEIGHT = 0.25;
const _JOIN = new Set(['of', 'the', 'de', 'da', 'van', 'von', 'and', 'la', 'le', 'du', 'del']);

/**
 * Proposes bridge entities for a second hop: capitalised phrases, headings and document titles of the
 * first hop's top passages that the question does not already name. Each occurrence scores 1 / rank of its
 * passage × (0.25 + the share of the question's content words in its sentence); a title or heading counts once
 * at 0.25. Best first, ties by first appearance.
 */
export function proposeBridgeEntities({ question, hits, passages = 3, limit = 2 }: ProposeBridgeEntitiesOptions): string[] {
  const asked = new Set(_words(question));
  const scores = new Map<string, { phrase: string; score: number; order: number }>();
  const add = (phrase: string, weight: number): void => {
    const words = _words(phrase);
    if (words.length === 0 || words.every((w) => asked.has(w) || _STOP.has(w))) return;
    const key = words.join(' ');
    const entry = scores.get(key) ?? { phrase: phrase.trim(), score: 0, order: scores.size };
    entry.score += weight;
    scores.set(key, entry);
  };
  const content = [...asked].filter((w) => !_STOP.has(w));
  hits.slice(0, passages).forEach((hit, i) => {
    const weight = 1 / (i + 1);
    for (const title of new Set([hit.document.title, ...hit.chunk.headingPath])) if (title) add(title, weight * _TITLE_WEIGHT);
    for (const sentence of hit.chunk.text.split(/(?<=[.!?])\s+/)) {
      const words = new Set(_words(sentence));
      const share = content.length ? content.filter((w) => words.has(w)).length / content.length : 0;
      for (const phrase of _capitalisedPhrases(sentence)) add(phrase, weight * (_TITLE_WEIGHT + share));
    }
  });
  return [...scores.values()].sort((a, b) => b.score - a.score || a.order - b.order).slice(0, limit).map((e) => e.phrase);
}

function _words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Runs of capitalised words (joined by of/the/de…), minus a leading stop word ("The", "In"). */
function _capitalisedPhrases(text: string): string[] {
  const tokens = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[^\s\p{L}\p{N}]/gu) ?? [];
  const phrases: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    while (run.length && _JOIN.has(run[run.length - 1]!.toLowerCase())) run.pop();
    while (run.length && _STOP.has(run[0]!.toLowerCase())) run.shift();
    if (run.length) phrases.push(run.join(' ').replace(/[.’'-]+$/u, ''));
    run = [];
  };
  for (const token of tokens) {
    if (/^\p{Lu}/u.test(token)) run.push(token);
    else if (run.length && _JOIN.has(token)) run.push(token);
    else flush();
  }
  flush();
  return phrases;
}
