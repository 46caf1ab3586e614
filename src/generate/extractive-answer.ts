import type { AnswerSource } from '../spec/answer.js';
import type { JsonSchema } from '../spec/chat-model.js';
import { analyze } from '../util/text/analyzer.js';
import { _answerType, _candidates, type AnswerType } from '../util/text/answer-types.js';
import { _coordinatedSpan } from './_coordinated-span.js';
import { _fillSchema } from './_fill-schema.js';
import { _cellSpan, _perKeyAnswer } from './_per-key-answer.js';
import { _questionTerms } from './_question-terms.js';
import { _sentenceUnits, type _Unit } from './_sentence-units.js';
import { extractAnswerSpan } from './extract-answer-span.js';

/** Options of {@link extractiveAnswer}. */
export interface ExtractiveAnswerOptions {
  question: string;
  /** Numbered sources, best first. */
  sources: readonly AnswerSource[];
  /** Sentences quoted at most. @default 2 */
  maxSentences?: number;
  /** A second sentence is quoted when its score is at least this share of the best. @default 0.9 */
  secondSentenceRatio?: number;
  /** JSON Schema of a structured answer (`responseFormat.schema`): a flat object is filled from the quoted table fields. */
  schema?: JsonSchema;
}

/** Answer-level evidence of whether the quoted sentence answers the question (inputs of the confidence model). */
export interface ExtractiveFeatures {
  /** IDF-weighted share of the question's content terms in the best sentence, [0, 1]. */
  bestCoverage: number;
  /** Plain share of the question's distinct content terms in the best sentence, [0, 1]. */
  termCoverage: number;
  /** Share of the question's content terms found anywhere in the sources, [0, 1]. */
  contextCoverage: number;
  /** 1 when the question asks for a date, number, person or place, else 0. */
  typed: number;
  /** 1 when a phrase of the asked-for type (not in the question) is in the best sentence, else 0. */
  typeMatch: number;
  /** (best − second best sentence score) / best, [0, 1]. */
  sentenceMargin: number;
  /** ln(1 + number of question content terms). */
  questionTerms: number;
  /** Share of the question's adjacent content-term pairs also adjacent (in order) in the best sentence, [0, 1]. */
  bigramCoverage: number;
  /** IDF of the most informative question term missing from the best sentence / the largest question-term IDF, [0, 1]. */
  missingIdf: number;
  /** 1 when the question holds a negation (not, never, n't, no longer…), else 0. */
  negated: number;
  /** 1 when a number in the question is absent from the best sentence, else 0. */
  numberMissing: number;
}

/** A quoted sentence. Offsets are into its source's text. */
export interface ExtractedSentence {
  n: number;
  text: string;
  start: number;
  end: number;
  score: number;
}

/** Result of {@link extractiveAnswer}. */
export interface ExtractiveAnswer {
  /** The quoted sentences with `[n]` citations; '' when no sentence shares a term with the question. */
  text: string;
  sentences: ExtractedSentence[];
  /**
   * The short answer, from the best sentence (scored by EM/F1): the answer span (see `extractAnswerSpan`), or for a
   * yes/no question "Yes"/"No" by the evidence (a negated supporting sentence says no). The quoted sentences in
   * `text` are its evidence, with their citations; abstention ("the documents do not say") is the sufficiency
   * score's call.
   */
  span?: string;
  answerType: AnswerType;
  features: ExtractiveFeatures;
  /** The structured answer filled from the quoted fields when a `schema` was given and every required property was found; `text` is then its JSON followed by the `[n]` citations of the rows its values came from, and `sentences` are those rows. */
  json?: Record<string, unknown>;
}

const K1 = 1.2;
const CONTEXT_WEIGHT = 0.6;
const B = 0.75;

/**
 * The extractive answerer: splits the sources into sentences (list items, table rows with their headers),
 * scores each against the question with BM25 over the sentence pool plus a bonus when it holds a phrase of
 * the asked-for type ("when" → a date, "how many" → a number, "who" → a name) and a small preference for
 * higher-ranked sources, and quotes the best one or two with `[n]` citations. Deterministic; never writes a
 * word that is not in a source.
 */
export function extractiveAnswer({ question, sources, maxSentences = 2, secondSentenceRatio = 0.9, schema }: ExtractiveAnswerOptions): ExtractiveAnswer {
  const answerType = _answerType(question);
  const qTerms = _questionTerms(question);
  const qSet = new Set(qTerms);
  const pool: Array<{ n: number; rank: number; start: number; end: number; quote: string; heading: string; table?: _Unit['table']; terms: string[]; context: Set<string>; cue: boolean }> = [];
  const seenInSources = new Set<string>();
  sources.forEach((source, rank) => {
    const sourceContext = [source.title, ...(source.hit?.chunk.headingPath ?? [])].join(' ');
    for (const unit of _sentenceUnits(source.text)) {
      const terms = analyze(unit.quote);
      for (const t of terms) if (qSet.has(t)) seenInSources.add(t);
      const cue = answerType !== 'other' && _candidates(unit.quote, answerType).some((c) => !_inQuestion(c.text, qSet));
      pool.push({ ...unit, n: source.n, rank, terms, context: new Set(analyze(`${sourceContext} ${unit.heading}`)), cue });
    }
  });
  const df = new Map<string, number>();
  for (const s of pool) for (const t of new Set(s.terms)) if (qSet.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  const N = Math.max(1, pool.length);
  const idf = (t: string) => Math.log(1 + (N - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
  const idfSum = qTerms.reduce((a, t) => a + idf(t), 0) || 1;
  const avgLen = pool.reduce((a, s) => a + s.terms.length, 0) / N || 1;

  const scored = pool.map((s) => {
    const tf = new Map<string, number>();
    for (const t of s.terms) if (qSet.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
    let bm25 = 0;
    let covered = 0;
    for (const [t, f] of tf) {
      bm25 += (idf(t) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * s.terms.length) / avgLen));
      covered += idf(t);
    }
    // Question terms only in the unit's title or headings ("Enterprise plans") count as weaker evidence.
    for (const t of qTerms) if (!tf.has(t) && s.context.has(t)) bm25 += (CONTEXT_WEIGHT * idf(t) * (K1 + 1)) / (1 + K1 * (1 - B + (B * s.terms.length) / avgLen));
    const cueBonus = s.cue && tf.size > 0 ? 0.35 * (idfSum / Math.max(1, qTerms.length)) : 0;
    // A table row whose key cell the question names ("Plan: Enterprise" for "the Enterprise SLA") is about it.
    const key = s.table ? analyze(s.table.cells[0] ?? '') : [];
    if (key.length > 0 && key.every((t) => qSet.has(t))) bm25 += key.reduce((a, t) => a + idf(t), 0);
    const score = (bm25 + cueBonus) * (1 - 0.03 * Math.min(s.rank, 5));
    return { ...s, score, coverage: covered / idfSum, matched: tf.size };
  });
  const ranked = scored.filter((s) => s.matched > 0).sort((a, b) => b.score - a.score || a.rank - b.rank || a.start - b.start);
  const best = ranked[0];
  const features: ExtractiveFeatures = {
    bestCoverage: best?.coverage ?? 0,
    termCoverage: best ? best.matched / Math.max(1, qTerms.length) : 0,
    contextCoverage: qTerms.length === 0 ? 0 : seenInSources.size / qTerms.length,
    typed: answerType === 'other' ? 0 : 1,
    typeMatch: best?.cue ? 1 : 0,
    sentenceMargin: best && ranked[1] ? Math.max(0, (best.score - ranked[1].score) / best.score) : best ? 1 : 0,
    questionTerms: Math.log(1 + qTerms.length),
    bigramCoverage: best ? _bigramCoverage(question, best.terms) : 0,
    missingIdf: best ? _missingIdf(qTerms, best.terms, idf) : 1,
    negated: /\b(?:not|never|no longer|none|neither|nor|without)\b|n't\b/i.test(question) ? 1 : 0,
    numberMissing: best && (question.match(/\d[\d,.]*/g) ?? []).some((num) => !best.quote.includes(num.replace(/[.,]$/, ''))) ? 1 : 0,
  };
  if (!best) return { text: '', sentences: [], answerType, features };
  const perKey = _isYesNo(question) ? undefined : _perKeyAnswer(question, best, pool, qSet);
  const chosen = perKey ? perKey.rows.map((u) => scored.find((s) => s.n === u.n && s.start === u.start)!) : [best];
  for (const s of perKey ? [] : ranked.slice(1)) {
    if (chosen.length >= maxSentences || s.score < secondSentenceRatio * best.score) break;
    if (!chosen.some((c) => c.quote === s.quote)) chosen.push(s);
  }
  const sentences = chosen.map((s) => ({ n: s.n, text: s.quote, start: s.start, end: s.end, score: s.score }));
  const filled = schema ? _fillSchema({ schema, units: [...chosen, ...ranked.slice(0, 5)] }) : undefined;
  if (filled) {
    // The JSON carries the citations of the rows its values came from, as a quoted answer does: `{…} [1]`.
    const cited = filled.cited.filter((u, i) => filled.cited.findIndex((v) => v.n === u.n && v.start === u.start) === i).sort((a, b) => a.n - b.n || a.start - b.start);
    const marks = [...new Set(cited.map((u) => u.n))].map((n) => `[${n}]`).join('');
    return { text: `${JSON.stringify(filled.json)} ${marks}`, sentences: cited.map((s) => ({ n: s.n, text: s.quote, start: s.start, end: s.end, score: s.score })), json: filled.json, answerType, features };
  }
  const text = sentences.map((s) => `${/[.!?…:]$/.test(s.text) ? s.text : `${s.text}.`} [${s.n}]`).join(' ');
  // The span comes from the best quoted sentence, or for a date or number (when it has no digit) from the best quoted one holding one.
  const from = (answerType === 'date' || answerType === 'number') && !/\d/.test(best.quote) ? (chosen.find((c) => c.cue) ?? best) : best;
  const span = _isYesNo(question) ? _yesNo(best.quote) : (perKey?.span ?? _rowSpan(question, from.table, qSet) ?? _coordinatedSpan({ question, sentence: from.quote, qSet }) ?? extractAnswerSpan({ question, sentence: from.quote }));
  return { text, sentences, span, answerType, features };
}

/** For a table row, the answer cell (dates and numbers are found in the row by their type instead). */
function _rowSpan(question: string, table: _Unit['table'], qSet: ReadonlySet<string>): string | undefined {
  const type = _answerType(question);
  return table && type !== 'date' && type !== 'number' ? _cellSpan(table, qSet) : undefined;
}

/** A question answered by yes or no: it opens with an auxiliary verb ("Is…", "Does…", "Can…"). */
function _isYesNo(question: string): boolean {
  return /^\s*(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have|had|may|must)\b/i.test(question) && !/\bor\b/i.test(question);
}

/** Yes or no by the evidence: "No" when the supporting sentence is negated, else "Yes". */
function _yesNo(sentence: string): string {
  return /\b(?:not|no|never|none|neither|nor|cannot|without)\b|n't\b/i.test(sentence) ? 'No' : 'Yes';
}

function _bigramCoverage(question: string, sentenceTerms: readonly string[]): number {
  const q = analyze(question);
  if (q.length < 2) return 0;
  const pairs = new Set<string>();
  for (let i = 1; i < sentenceTerms.length; i++) pairs.add(`${sentenceTerms[i - 1]} ${sentenceTerms[i]}`);
  let found = 0;
  for (let i = 1; i < q.length; i++) if (pairs.has(`${q[i - 1]} ${q[i]}`)) found++;
  return found / (q.length - 1);
}

function _missingIdf(qTerms: readonly string[], sentenceTerms: readonly string[], idf: (t: string) => number): number {
  const have = new Set(sentenceTerms);
  const top = Math.max(0, ...qTerms.map(idf));
  if (top === 0) return 0;
  return Math.max(0, ...qTerms.filter((t) => !have.has(t)).map(idf)) / top;
}

function _inQuestion(phrase: string, qSet: ReadonlySet<string>): boolean {
  const terms = analyze(phrase);
  return terms.length > 0 && terms.every((t) => qSet.has(t));
}
