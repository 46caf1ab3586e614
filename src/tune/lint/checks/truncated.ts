import type { ChatMessage } from '../../../spec/tune-data.js';
import type { LintCheck } from '../_context.js';
import { createFindings } from '../_findings.js';

const MID_SENTENCE = /[\p{L},;\-–(]$/u;

function isAssistant(m: ChatMessage): boolean {
  return m.role.startsWith('assistant') || m.role === 'function_call';
}

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

/**
 * Assistant turns cut off: JSON (answers, tool calls, arguments) that does not parse, unclosed code
 * fences, and answers that stop mid-sentence when almost all others end with terminal punctuation.
 */
export const checkTruncated: LintCheck = ({ records }) => {
  const f = createFindings();
  const hint = 'Regenerate or complete the answer (check the max-tokens limit of the model that produced it), or drop the example.';
  const endings: Array<{ line: number; mid: boolean }> = [];
  for (const r of records) {
    for (const m of [...r.messages.filter(isAssistant), ...(r.rejected ?? [])]) {
      const text = m.content ?? '';
      if (brokenJson(text)) f.add('truncated', 'error', 'assistant turn is cut off mid-JSON (does not parse)', hint, r.line);
      for (const call of m.tool_calls ?? []) {
        const args = call.function?.arguments ?? '';
        if (typeof args === 'string' && brokenJson(args)) f.add('truncated', 'error', 'tool-call arguments are cut off mid-JSON (do not parse)', hint, r.line);
      }
      if ((text.match(/^```/gm)?.length ?? 0) % 2 === 1) f.add('truncated', 'warning', 'assistant turn has an unclosed code fence', hint, r.line);
    }
    const out = r.output.trim();
    const lastLine = out.split('\n').at(-1)!.trim();
    const prose = lastLine.split(/\s+/).length >= 6 && !/^([-*#>|]|\d+[.)])/.test(lastLine);
    if (out && !/^[{[]/.test(out)) endings.push({ line: r.line, mid: prose && MID_SENTENCE.test(out) });
  }
  const mid = endings.filter((e) => e.mid);
  if (endings.length >= 10 && mid.length / endings.length <= 0.1) {
    for (const e of mid) f.add('truncated', 'warning', 'final answer ends mid-sentence while the others end with punctuation', hint, e.line);
  }
  return f.list();
};
