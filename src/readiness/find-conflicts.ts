import type { ReadinessFinding } from '../spec/readiness.js';
import { splitSentences } from '../util/text/sentences.js';
import { englishStopWords } from '../util/text/stopwords.js';

/** A numeric or dated statement about an entity: `pro plan | costs | dollars per month` → `49`. */
interface _Statement {
  key: string;
  value: string;
  sentence: string;
  documentId: string;
}

const _verb = /\b(costs?|is|are|was|were|has|have|includes?|takes?|starts?|ends?|expires?|launch(?:es|ed)?|supports?|allows?|lasts?|priced at|due on|released on)\b/i;
const _number = /\b\d{4}-\d{2}-\d{2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}\b|(?:[$€£]\s?)?\d[\d,]*(?:\.\d+)?(?:\s?%)?/;
const _words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Statements of one text: the subject's last content words, the verb, the value and its unit. */
export function _statements(documentId: string, text: string): _Statement[] {
  const out: _Statement[] = [];
  for (const sentence of splitSentences(text).map(([a, b]) => text.slice(a, b))) {
    for (const clause of sentence.split(/[;,]\s+(?:and\s+)?|\band\b/)) {
      const verb = _verb.exec(clause);
      if (!verb) continue;
      const subject = _words(clause.slice(0, verb.index)).filter((w) => !englishStopWords.has(w) && !/^\d/.test(w)).slice(-4);
      const rest = clause.slice(verb.index + verb[0].length);
      const num = _number.exec(rest);
      if (!subject.length || !num) continue;
      const unit = _words(rest.slice(num.index + num[0].length)).slice(0, 3).filter((w) => !/^\d/.test(w)).join(' ');
      const currency = /^[$€£]/.test(num[0]) ? 'currency' : '';
      out.push({ key: `${subject.join(' ')}|${verb[1]!.toLowerCase().replace(/s$/, '')}|${currency}${unit}`, value: num[0].replace(/[\s,]/g, ''), sentence: sentence.trim().slice(0, 300), documentId });
    }
  }
  return out;
}

/** Conflicting statements across documents: the same entity, verb and unit with different numbers or dates. */
export function findConflicts(texts: ReadonlyArray<{ documentId: string; text: string }>): ReadinessFinding[] {
  const byKey = new Map<string, _Statement[]>();
  for (const t of texts) for (const s of _statements(t.documentId, t.text)) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
  const findings: ReadinessFinding[] = [];
  for (const [key, list] of byKey) {
    const values = new Set(list.map((s) => s.value));
    const docs = new Set(list.map((s) => s.documentId));
    if (values.size < 2 || docs.size < 2) continue;
    const [subject, verb] = key.split('|');
    const examples = [...new Map(list.map((s) => [`${s.documentId}\t${s.value}`, s])).values()].slice(0, 6);
    findings.push({
      type: 'conflict', severity: 'error', documents: [...docs].sort(),
      message: `Documents disagree on "${subject} ${verb}": ${examples.map((s) => `${s.value} in ${s.documentId}`).join(' vs ')}. Keep one source of truth (update or retire the other), or the answer depends on which one is retrieved.`,
      details: { key, statements: examples.map((s) => ({ documentId: s.documentId, value: s.value, sentence: s.sentence })) },
    });
  }
  return findings;
}
