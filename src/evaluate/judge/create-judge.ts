import type { ChatMessage, ChatModel, JsonSchema } from '../../spec/chat-model.js';
import type { JudgeVerdict } from '../../spec/evaluation.js';
import type { Judge, JudgeInput } from '../../spec/judge.js';
import { FathomError } from '../../util/errors.js';
import { generateText } from '../../core/generate-text.js';
import { rubrics, type Rubric } from './rubrics.js';

/** Options of {@link createJudge}. */
export interface CreateJudgeOptions {
  model: ChatModel;
  /** A built-in rubric by criterion, or a custom one. @default 'correctness' */
  rubric?: keyof typeof rubrics | Rubric;
  /** Calls per verdict; > 1 reports the mean score and the agreement of the labels. @default 1 */
  runs?: number;
  /** Sampling temperature of the judging calls (raise it with `runs` > 1 to measure variance). @default 0 */
  temperature?: number;
  /** @default 400 */
  maxOutputTokens?: number;
}

/**
 * A judge over a chat model. Each call asks for `{ reasoning, label }` through a JSON Schema response format
 * whose `label` is an enum of the rubric's labels; the score is the label's rubric value. With `runs` > 1 the
 * verdict has the mean score, the modal label (ties: the first seen) and `agreement` = share of runs giving the
 * modal label; usage is summed over runs. A reply that is not valid is PROVIDER_BAD_RESPONSE.
 */
export function createJudge({ model, rubric = 'correctness', runs = 1, temperature = 0, maxOutputTokens = 400 }: CreateJudgeOptions): Judge {
  const r = typeof rubric === 'string' ? rubrics[rubric] : rubric;
  if (!r) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Unknown rubric '${String(rubric)}': use ${Object.keys(rubrics).join(', ')} or pass a Rubric object.` });
  if (!Number.isInteger(runs) || runs < 1) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Judge 'runs' must be a positive integer, got ${runs}.` });
  const labels = Object.keys(r.labels);
  const schema: JsonSchema = {
    type: 'object',
    properties: { reasoning: { type: 'string' }, label: { type: 'string', enum: labels } },
    required: ['reasoning', 'label'],
    additionalProperties: false,
  };
  const name = `${model.provider}:${model.modelId}`;
  return {
    specificationVersion: 'v1',
    model: name,
    promptId: r.id,
    criterion: r.criterion,
    async doJudge(input: JudgeInput): Promise<JudgeVerdict> {
      const messages = _messages(r, input);
      const verdicts: Array<{ label: string; reasoning: string }> = [];
      const usage = { inputTokens: 0, outputTokens: 0 };
      for (let i = 0; i < runs; i++) {
        const res = await generateText({ model, messages, temperature, maxOutputTokens, responseFormat: { type: 'json', schema, name: 'verdict' }, abortSignal: input.signal });
        usage.inputTokens += res.usage.inputTokens;
        usage.outputTokens += res.usage.outputTokens;
        const v = res.json as { label?: unknown; reasoning?: unknown } | null;
        if (!v || typeof v.label !== 'string' || !(v.label in r.labels)) {
          throw new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `Judge model '${name}' returned a verdict without a valid label (expected one of ${labels.join(', ')}).`, details: { reply: res.text.slice(0, 200) } });
        }
        verdicts.push({ label: v.label, reasoning: typeof v.reasoning === 'string' ? v.reasoning : '' });
      }
      const counts = new Map<string, number>();
      for (const v of verdicts) counts.set(v.label, (counts.get(v.label) ?? 0) + 1);
      let label = verdicts[0]!.label;
      for (const [l, c] of counts) if (c > counts.get(label)!) label = l;
      const score = verdicts.reduce((s, v) => s + r.labels[v.label]!, 0) / runs;
      return {
        score,
        label,
        reasoning: verdicts.find((v) => v.label === label)!.reasoning,
        judge: { model: name, promptId: r.id, runs, ...(runs > 1 ? { agreement: counts.get(label)! / runs } : {}), usage },
      };
    },
  };
}

function _messages(r: Rubric, input: JudgeInput): ChatMessage[] {
  const parts = [`QUESTION:\n${input.question}`];
  if (input.references?.length) parts.push(`REFERENCE answers:\n${input.references.map((a) => `- ${a}`).join('\n')}`);
  if (input.passages?.length) parts.push(`PASSAGES:\n${input.passages.map((p, i) => `[${i + 1}] ${p}`).join('\n\n')}`);
  parts.push(`ANSWER:\n${input.answer}`);
  parts.push(`Reply with JSON: {"reasoning": "...", "label": one of ${labels(r)}}.`);
  return [{ role: 'system', content: r.instructions }, { role: 'user', content: parts.join('\n\n') }];
}

const labels = (r: Rubric) => Object.keys(r.labels).map((l) => JSON.stringify(l)).join(', ');
