/** What kind of phrase a question asks for. */
export type AnswerType = 'date' | 'number' | 'person' | 'place' | 'other';

/** Detects the expected answer type from the question's wording. */
export function _answerType(question: string): AnswerType {
  const q = question.toLowerCase();
  if (/\b(?:when|what (?:year|decade|century|date|month|day|time period|era)|which (?:year|decade|century|date|month)|how long ago|since when)\b/.test(q)) return 'date';
  if (/\bhow (?:many|much|long|old|far|large|big|tall|high|often|fast|wide|deep|heavy)\b|\bwhat (?:percentage|percent|number|amount|proportion|fraction|price|cost)\b|\bcost\b|\bprice\b/.test(q)) return 'number';
  if (/^(?:who|whom|whose)\b|\b(?:who|whom|whose)\b|\bwhat (?:person|man|woman|king|leader|scientist)\b|\bname of the (?:person|man|woman|king|leader)\b/.test(q)) return 'person';
  if (/\bwhere\b|\b(?:what|which) (?:country|city|state|region|continent|place|town|river|island|area|location|province|nation)\b/.test(q)) return 'place';
  return 'other';
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const DATE = new RegExp(
  [
    `${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{3,4}`,
    `\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{3,4}`,
    `${MONTH}\\s+\\d{3,4}`,
    '\\d{4}-\\d{2}-\\d{2}',
    '(?:the\\s+)?(?:early|mid|late)?-?\\s?\\d{1,4}0s',
    '\\d{1,2}(?:st|nd|rd|th)(?:\\s+and\\s+\\d{1,2}(?:st|nd|rd|th))?\\s+centur(?:y|ies)(?:\\s+(?:BC|AD|BCE|CE))?',
    '\\b(?:1[0-9]|20)\\d{2}\\b(?:\\s+(?:BC|AD|BCE|CE))?',
    '\\b\\d{1,4}\\s+(?:BC|AD|BCE|CE)\\b',
    // relative times answer "when" in documentation: "after 30 days", "within 24 hours"
    '\\b(?:after|within|before|for)\\s+\\d+\\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\\b',
  ].join('|'),
  'g',
);
const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|several|half)';
const NUMBER = new RegExp(
  `(?:[$€£]\\s?)?\\d[\\d,]*(?:\\.\\d+)?(?:\\s?(?:%|percent|per cent|million|billion|trillion|thousand|hundred))?|\\b${NUMBER_WORD}(?:[\\s-]+${NUMBER_WORD})*\\b(?:\\s(?:million|billion|percent))?`,
  'gi',
);
const CONNECT = new Set(['of', 'de', 'da', 'von', 'van', 'der', 'del', 'la', 'le', 'du', 'al', 'bin', 'the', 'and']);

/** Candidate phrases of a type in a text, with their offsets. */
export function _candidates(text: string, type: AnswerType): Array<{ text: string; start: number; end: number }> {
  if (type === 'date') return _matches(text, DATE);
  if (type === 'number') return _matches(text, NUMBER);
  if (type === 'person' || type === 'place') return _capitalised(text);
  return [];
}

function _matches(text: string, re: RegExp): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  for (const m of text.matchAll(re)) if (m[0].trim()) out.push({ text: m[0].trim(), start: m.index, end: m.index + m[0].trimEnd().length });
  return out;
}

/** Runs of capitalised words (with connectors such as "of", "van"), skipping a sentence-initial common word. */
function _capitalised(text: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  const words = [...text.matchAll(/[\p{L}][\p{L}\p{M}'’.-]*/gu)];
  let run: RegExpMatchArray[] = [];
  const flush = () => {
    while (run.length > 0 && CONNECT.has(run[run.length - 1]![0].toLowerCase())) run.pop();
    if (run.length > 0) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      out.push({ text: text.slice(first.index, last.index! + last[0].length).replace(/[.’']+$/, ''), start: first.index!, end: last.index! + last[0].length });
    }
    run = [];
  };
  for (const w of words) {
    const upper = /^\p{Lu}/u.test(w[0]);
    if (upper && !(w.index === 0 && _commonStart.has(w[0].toLowerCase()))) run.push(w);
    else if (run.length > 0 && CONNECT.has(w[0].toLowerCase())) run.push(w);
    else flush();
  }
  flush();
  return out;
}

const _commonStart = new Set('the a an in on at it its this that these those he she they his her their there after before during when while although however by for from with as of to since during under over'.split(' '));
