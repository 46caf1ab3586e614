import type { ChatModel } from '../../spec/chat-model.js';
import type { EvalMode, EvalRun, GoldenItem } from '../../spec/evaluation.js';
import type { PreferenceExample } from '../../spec/tune-data.js';
import { DEFAULT_ABSTENTION_TEXT } from '../../generate/index.js';
import { _failureReasons, _goldenTarget, _itemsById, _teacherTarget } from './_evidence.js';
import { _promptFor, _sourcesFor } from './_prompt.js';
import type { EvidenceExamples } from './training-set-types.js';

/** Options of {@link buildDpoPairs}. */
export interface BuildDpoPairsOptions {
  run: EvalRun;
  /** Golden items (override `run.items`). */
  golden?: readonly GoldenItem[];
  /** Writes `chosen` instead of the golden answer (kept only when it satisfies the item). */
  teacher?: ChatModel;
  /** Modes whose failing answers become `rejected`. @default ['rag', 'closed-book', 'oracle'] */
  modes?: readonly EvalMode[];
  /** @default DEFAULT_ABSTENTION_TEXT */
  abstentionText?: string;
  signal?: AbortSignal;
}

const _norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * DPO preference pairs from good and bad outputs: for every failing answer (wrong, a format or constraint
 * failure) in the chosen modes, the prompt it saw, the golden answer cited against that prompt's sources (or
 * the abstention text, or the teacher's output) as `chosen`, and the failing answer as `rejected`.
 */
export async function buildDpoPairs({ run, golden, teacher, modes = ['rag', 'closed-book', 'oracle'], abstentionText = DEFAULT_ABSTENTION_TEXT, signal }: BuildDpoPairsOptions): Promise<EvidenceExamples<PreferenceExample>> {
  const items = _itemsById(run, golden);
  const out: EvidenceExamples<PreferenceExample> = { examples: [], entries: [], skipped: [], warnings: [] };
  for (const r of run.results) {
    const reasons = _failureReasons(r);
    if (!modes.includes(r.mode) || reasons.length === 0) continue;
    const item = items.get(r.itemId);
    if (!item) {
      out.skipped.push({ itemId: r.itemId, reason: 'no golden item with this id (pass --golden)' });
      continue;
    }
    const rejected = r.answer.text.trim();
    const prompt = _promptFor(item.question, _sourcesFor(item, r.mode, r), r.mode === 'closed-book', abstentionText);
    const taught = teacher ? await _teacherTarget(teacher, item, prompt.messages, abstentionText, signal) : undefined;
    const ref = taught === undefined ? _goldenTarget(item, prompt.sources, abstentionText) : { text: taught, target: 'teacher' as const };
    if ('skip' in ref) {
      out.skipped.push({ itemId: r.itemId, reason: ref.skip });
      continue;
    }
    if (rejected === '' || _norm(rejected) === _norm(ref.text)) {
      out.skipped.push({ itemId: r.itemId, reason: `the ${r.mode} answer is empty or equals the target` });
      continue;
    }
    out.entries.push({ index: out.examples.length, itemIds: [r.itemId], reasons, mode: r.mode, target: ref.target, ...(taught !== undefined ? { teacher: `${teacher!.provider}:${teacher!.modelId}` } : {}) });
    out.examples.push({ prompt: prompt.messages, chosen: ref.text, rejected });
  }
  return out;
}
