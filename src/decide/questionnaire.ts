import type { ChangeFrequency, Questionnaire } from '../spec/decision.js';
import { FathomError } from '../util/errors.js';

export const changeFrequencies: ChangeFrequency[] = ['never', 'yearly', 'quarterly', 'monthly', 'weekly', 'daily', 'continuous'];

/** Answers assumed for questions nobody answered (each decision lists which were assumed). */
export const defaultAnswers: Questionnaire = {
  knowledgeChanges: 'monthly', citations: 'preferred', latencyBudgetMs: null, onPrem: false, queriesPerMonth: 10000, labelledExamples: 0,
};

/** One of the seeds' questions: what to ask on a terminal and how to read the reply. */
export interface Question<K extends keyof Questionnaire = keyof Questionnaire> {
  key: K;
  /** The question as asked on a terminal. */
  prompt: string;
  /** Parse a typed reply or a flag value; throws an INVALID_ARGUMENT FathomError. */
  parse: (text: string) => Questionnaire[K];
}

const yes = /^(y|yes|true|1|required|on)$/i;
const no = /^(n|no|false|0|off|none)$/i;

function _count(key: string, text: string): number {
  const n = Number(text.replace(/[_,\s]/g, '').replace(/k$/i, '000').replace(/m$/i, '000000'));
  if (!Number.isFinite(n) || n < 0) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${key} must be a non-negative number (e.g. 100000 or 100k), got "${text}".` });
  return n;
}

export const questions: Question[] = [
  { key: 'knowledgeChanges', prompt: `How often does the knowledge change? (${changeFrequencies.join('/')})`, parse: (t) => {
    const v = t.trim().toLowerCase();
    if (!changeFrequencies.includes(v as ChangeFrequency)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `knowledgeChanges must be one of ${changeFrequencies.join(', ')}, got "${t}".` });
    return v as ChangeFrequency;
  } },
  { key: 'citations', prompt: 'Are citations / source attribution required? (required/preferred/not-needed)', parse: (t) => {
    const v = t.trim().toLowerCase();
    if (yes.test(v)) return 'required';
    if (no.test(v) || v === 'not-needed') return 'not-needed';
    if (v === 'preferred') return 'preferred';
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `citations must be required, preferred or not-needed, got "${t}".` });
  } },
  { key: 'latencyBudgetMs', prompt: 'Latency budget per answer in ms (empty or "none" for no budget)', parse: (t) => (t.trim() === '' || no.test(t.trim()) ? null : _count('latencyBudgetMs', t)) },
  { key: 'onPrem', prompt: 'Must data stay on-premise, no hosted model APIs? (y/n)', parse: (t) => {
    if (yes.test(t.trim())) return true;
    if (no.test(t.trim())) return false;
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `onPrem must be yes or no, got "${t}".` });
  } },
  { key: 'queriesPerMonth', prompt: 'Expected queries per month', parse: (t) => _count('queriesPerMonth', t) },
  { key: 'labelledExamples', prompt: 'Labelled examples of the desired behaviour available', parse: (t) => _count('labelledExamples', t) },
];

/** Fill unanswered questions with `defaultAnswers`, validating the given ones; returns which were assumed. */
export function resolveAnswers(partial: Partial<Questionnaire> = {}): { answers: Questionnaire; assumed: Array<keyof Questionnaire> } {
  const answers = { ...defaultAnswers } as Record<keyof Questionnaire, unknown>;
  const assumed: Array<keyof Questionnaire> = [];
  for (const q of questions) {
    const v = partial[q.key];
    if (v === undefined) assumed.push(q.key);
    else answers[q.key] = typeof v === 'string' || (q.key === 'latencyBudgetMs' && v !== null && typeof v !== 'number') ? q.parse(String(v)) : v;
  }
  for (const key of ['queriesPerMonth', 'labelledExamples'] as const) {
    const v = answers[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${key} must be a non-negative number, got ${JSON.stringify(v)}.` });
  }
  return { answers: answers as unknown as Questionnaire, assumed };
}
