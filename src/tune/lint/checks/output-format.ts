import type { LintCheck } from '../_context.js';
import { createFindings } from '../_findings.js';
import { formatJsonSchemaIssue, validateJsonSchema } from '../../../util/json-schema/validate-json-schema.js';

/** Answer text without a surrounding ```json fence. */
function unfence(text: string): string {
  const m = /^```[\w-]*\n([\s\S]*?)\n?```$/.exec(text.trim());
  return m ? m[1]! : text.trim();
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(unfence(text)) };
  } catch {
    return { ok: false };
  }
}

/** Shape of an answer's last line: letter runs → a, digit runs → 0, spaces collapsed (first 6 chars). */
function lastLineShape(text: string): string {
  const last = text.trim().split('\n').at(-1) ?? '';
  return last.replace(/\p{L}+/gu, 'a').replace(/\p{N}+/gu, '0').replace(/\s+/g, ' ').slice(0, 6);
}

/**
 * Output format consistency: against `schema` (JSON Schema) or `outputPattern` when given; otherwise
 * the few answers that break a format almost all others follow (JSON, or a marked last line like `#### 42`).
 */
export const checkOutputFormat: LintCheck = ({ records, schema, outputPattern }) => {
  const f = createFindings();
  const answered = records.filter((r) => r.output.trim() !== '');
  if (schema) {
    for (const r of answered) {
      const parsed = parseJson(r.output);
      if (!parsed.ok) f.add('output-schema', 'error', 'answer is not JSON', 'Make the answer a JSON document that matches the schema.', r.line);
      else {
        const [first] = validateJsonSchema(schema, parsed.value).map(formatJsonSchemaIssue);
        if (first) f.add('output-schema', 'error', `answer fails the schema: ${first}`, 'Fix the answer so it validates; the model copies every deviation.', r.line);
      }
    }
  }
  if (outputPattern) {
    for (const r of answered) {
      if (!outputPattern.test(r.output)) f.add('output-format', 'error', `answer does not match ${outputPattern}`, 'Fix the answer or the pattern; every training answer should have the required format.', r.line);
    }
  }
  if (schema || outputPattern || answered.length < 10) return f.list();
  const json = answered.filter((r) => parseJson(r.output).ok && /^[{[]/.test(unfence(r.output)));
  if (json.length / answered.length >= 0.8) {
    for (const r of answered) if (!json.includes(r)) f.add('output-format', 'warning', 'answer is not JSON while almost all others are', 'Make it JSON like the others, or pass --schema to check the structure.', r.line);
    return f.list();
  }
  const shapes = new Map<string, number>();
  for (const r of answered) shapes.set(lastLineShape(r.output), (shapes.get(lastLineShape(r.output)) ?? 0) + 1);
  const [shape, count] = [...shapes.entries()].sort((a, b) => b[1] - a[1])[0]!;
  if (/[^a0 ]/.test(shape) && count / answered.length >= 0.9) {
    for (const r of answered) {
      if (lastLineShape(r.output) !== shape) {
        f.add('output-format', 'warning', `answer does not end like ${Math.round((100 * count) / answered.length)}% of the others (last line shaped "${shape}…")`,
          'Make the final line follow the same format, or pass --output-pattern with the exact format.', r.line);
      }
    }
  }
  return f.list();
};
