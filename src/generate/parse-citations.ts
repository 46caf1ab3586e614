import { splitSentences } from '../util/text/sentences.js';

/** One `[n]` reference found in an answer. */
export interface CitationMarker {
  /** The number referenced. */
  n: number;
  /** Offsets of the whole bracket group (`[1, 2]` or `[3]`) in the text. */
  markerStart: number;
  markerEnd: number;
  /** The sentence carrying the marker and its offsets in the text. */
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
}

/** Result of {@link parseCitations}. */
export interface ParsedCitations {
  markers: CitationMarker[];
  /** Every sentence of the text with the numbers it cites (empty for uncited sentences). */
  sentences: Array<{ text: string; start: number; end: number; cites: number[] }>;
}

/** `[1]`, `[1, 2]`, `[1,2,3]`; adjacent groups (`[1][2]`) are matched one group at a time. */
const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

/**
 * Finds citation markers (`[n]`, `[n, m]`, `[n][m]`) and assigns each to its sentence. A marker that follows
 * a sentence's final punctuation ("… in 30 days. [2]") belongs to that sentence.
 */
export function parseCitations(text: string): ParsedCitations {
  const spans = _sentenceSpans(text);
  const sentences = spans.map(([start, end]) => ({ text: text.slice(start, end), start, end, cites: [] as number[] }));
  const markers: CitationMarker[] = [];
  for (const m of text.matchAll(MARKER)) {
    const markerStart = m.index;
    const markerEnd = markerStart + m[0].length;
    const sentence = sentences.find((s) => markerStart >= s.start && markerStart < s.end) ?? sentences.findLast((s) => s.end <= markerStart) ?? sentences[0];
    for (const part of m[1]!.split(',')) {
      const n = Number(part.trim());
      if (sentence && !sentence.cites.includes(n)) sentence.cites.push(n);
      markers.push({ n, markerStart, markerEnd, sentence: sentence?.text ?? '', sentenceStart: sentence?.start ?? 0, sentenceEnd: sentence?.end ?? 0 });
    }
  }
  return { markers, sentences };
}

/** Sentence spans where a run of markers starting a "sentence" is glued back to the previous one. */
function _sentenceSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [start, end] of _splitAfterMarkers(text, splitSentences(text))) {
    const lead = /^(?:\s*\[\d{1,3}(?:\s*,\s*\d{1,3})*\])+\s*/.exec(text.slice(start, end));
    const prev = out[out.length - 1];
    if (lead && prev) {
      prev[1] = start + lead[0].trimEnd().length;
      if (start + lead[0].length < end) out.push([start + lead[0].length, end]);
      continue;
    }
    out.push([start, end]);
  }
  return out;
}

/** "seats.[2][3] Done." is two sentences: the splitter needs whitespace after the full stop. */
function _splitAfterMarkers(text: string, spans: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [start, end] of spans) {
    let from = start;
    for (const m of text.slice(start, end).matchAll(/[.!?](?:\[\d{1,3}(?:\s*,\s*\d{1,3})*\])+(?=\s+[^\s\p{Ll}])/gu)) {
      const cut = start + m.index + m[0].length;
      out.push([from, cut]);
      from = cut;
      while (from < end && /\s/.test(text[from]!)) from++;
    }
    if (from < end) out.push([from, end]);
  }
  return out;
}
