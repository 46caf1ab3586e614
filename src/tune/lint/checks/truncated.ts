import type { TrainingMessage } from '../../../spec/tune-data.js';
import { englishStopWords } from '../../../util/text/stopwords.js';
import type { LintCheck } from '../_context.js';
import { createFindings } from '../_findings.js';

const TERMINAL = /[.!?…:;)\]}"'”’`*\p{Emoji_Presentation}。！？]$/u;
const MID_SENTENCE = /[\p{L},\-–(]$/u;
/** Words a finished sentence does not end on (besides the stop words): articles, prepositions, possessives. */
const DANGLING = new Set([...englishStopWords, 'your', 'my', 'our', 'its', 'from', 'than', 'so', 'because', 'which', 'who', 'when', 'while', 'means', 'like']);
const HINT = 'Regenerate or complete the answer (check the max-tokens limit of the model that produced it), or drop the example.';

const isAssistant = (m: TrainingMessage): boolean => m.role.startsWith('assistant') || m.role === 'function_call';

/** Whether `text` looks like JSON that was cut off (starts as JSON, does not parse). */
function brokenJson(text: string): boolean {
  const t = text.trim();
  if (!/^(\{\s*["}]|\[\s*[{["\d\-\]tfn])/.test(t)) return false;
  try {
    JSON.parse(t);
    return false;
  } catch {
    return true;
  }
}

/** Brackets opened and not closed, outside code fences and inline code. */
function openBrackets(text: string): number {
  const plain = text.replace(/```[\s\S]*?(```|$)/g, '').replace(/`[^`\n]*`/g, '');
  let open = 0;
  for (const [o, c] of [['(', ')'], ['[', ']'], ['{', '}']] as const) open += Math.max(0, plain.split(o).length - plain.split(c).length);
  return open;
}

const lastWordOf = (text: string): string => (text.toLowerCase().match(/\p{L}+$/u) ?? [''])[0];

/**
 * Assistant turns cut off: JSON (answers, tool calls, arguments) that does not parse; an unclosed code fence
 * or bracket; a final answer that stops mid-word (its last word is only ever seen as the start of a longer
 * word), on a dangling word ("the", "your"), or mid-sentence while the other answers end with punctuation;
 * and answers that stop at exactly the longest token count, mostly without final punctuation (a max-tokens cut-off).
 */
export const checkTruncated: LintCheck = ({ records, tokenizer }) => {
  const f = createFindings();
  const prose: Array<{ line: number; out: string; mid: boolean }> = [];
  const vocab = new Map<string, number>();
  for (const r of records) for (const w of r.output.toLowerCase().match(/\p{L}+/gu) ?? []) vocab.set(w, (vocab.get(w) ?? 0) + 1);
  const sorted = [...vocab.keys()].sort();
  const extends_ = (w: string): boolean => {
    let lo = 0, hi = sorted.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid]! <= w) lo = mid + 1; else hi = mid; }
    return lo < sorted.length && sorted[lo]!.startsWith(w) && sorted[lo]!.length > w.length + 1;
  };
  const cutOff = new Set<typeof records[number]>();
  const answered = records.filter((r) => r.output.trim() && r.callsKey === undefined);
  const counts = answered.map((r) => tokenizer.count(r.output));
  const max = counts.reduce((x, y) => Math.max(x, y), 0);
  const atMax = answered.filter((_, i) => counts[i] === max);
  const unfinished = atMax.filter((r) => !TERMINAL.test(r.output.trim())).length;
  if (max >= 16 && atMax.length >= 3 && unfinished * 2 >= atMax.length) {
    f.add('truncated', 'warning', `${atMax.length} answers stop at exactly ${max} tokens, the longest length (a max-tokens cut-off?)`, HINT, atMax.map((r) => r.line));
    for (const r of atMax) cutOff.add(r);
  }
  for (const r of records) {
    for (const m of [...r.messages.filter(isAssistant), ...(r.rejected ?? [])]) {
      const text = m.content ?? '';
      if (brokenJson(text)) f.add('truncated', 'error', 'assistant turn is cut off mid-JSON (does not parse)', HINT, r.line);
      for (const call of m.tool_calls ?? []) {
        const args = call.function?.arguments ?? '';
        if (typeof args === 'string' && brokenJson(args)) f.add('truncated', 'error', 'tool-call arguments are cut off mid-JSON (do not parse)', HINT, r.line);
      }
      if ((text.match(/^\s*```/gm)?.length ?? 0) % 2 === 1) f.add('truncated', 'warning', 'assistant turn ends inside an open code fence', HINT, r.line);
    }
    const out = r.output.trim();
    if (!out || /^[{[]/.test(out) || r.callsKey !== undefined || cutOff.has(r)) continue;
    const lastLine = out.split('\n').at(-1)!.trim();
    if (TERMINAL.test(out) || /^([-*#>|]|\d+[.)])/.test(lastLine)) {
      if (lastLine.split(/\s+/).length >= 6) prose.push({ line: r.line, out, mid: false });
      continue;
    }
    const last = lastWordOf(out);
    const words = lastLine.split(/\s+/);
    // Headlines and titles ("Learning Unsupervised: An Auto-curriculum") end without punctuation by design.
    const titleCase = words.filter((w) => /^\p{Lu}/u.test(w)).length * 5 >= words.length * 3;
    if (openBrackets(out) > 0) f.add('truncated', 'warning', 'final answer ends inside an open bracket', HINT, r.line);
    else if (last.length >= 3 && !/\.\p{L}+$/u.test(out) && vocab.get(last) === 1 && extends_(last)) f.add('truncated', 'warning', 'final answer ends mid-word', HINT, r.line);
    else if (words.length >= 4 && DANGLING.has(last)) f.add('truncated', 'warning', 'final answer ends mid-sentence (on a dangling word)', HINT, r.line);
    // A sentence ending on a code-like token (".af", "v2", "config.yml") is finished, just unpunctuated.
    else if (words.length >= 6 && !titleCase) prose.push({ line: r.line, out, mid: MID_SENTENCE.test(out) && !/[./_:@#\d`]/u.test(words.at(-1)!) });
  }
  const mid = prose.filter((e) => e.mid);
  if (prose.length >= 3 && mid.length / prose.length <= 0.2) {
    for (const e of mid) f.add('truncated', 'warning', 'final answer ends mid-sentence while the others end with punctuation', HINT, e.line);
  }
  return f.list();
};
