import type { AnswerSource } from '../../spec/answer.js';

const _norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A golden answer turned into a grounded one: `[n]` markers of the sources that contain it (verbatim after
 * normalisation), else of the source sharing the most words with it, placed before the final punctuation.
 * JSON answers and answers without sources are returned unchanged.
 */
export function _withCitations(answer: string, sources: readonly AnswerSource[]): string {
  const text = answer.trim();
  if (sources.length === 0 || /^[[{]/.test(text)) return text;
  const a = _norm(text);
  let cited = sources.filter((s) => a.length > 0 && _norm(s.text).includes(a)).map((s) => s.n);
  if (cited.length === 0) {
    const words = new Set(a.split(' ').filter(Boolean));
    let best = sources[0]!;
    let bestOverlap = -1;
    for (const s of sources) {
      const overlap = _norm(s.text).split(' ').filter((w) => words.has(w)).length;
      if (overlap > bestOverlap) [best, bestOverlap] = [s, overlap];
    }
    cited = [best.n];
  }
  const markers = cited.slice(0, 3).map((n) => `[${n}]`).join('');
  const m = /^(.*?)([.!?]*)$/s.exec(text)!;
  return `${m[1]} ${markers}${m[2] || '.'}`;
}
