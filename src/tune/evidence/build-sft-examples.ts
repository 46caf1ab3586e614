import type { ChatModel } from '../../spec/chat-model.js';
import type { EvalItemResult, EvalMode, EvalRun, GoldenItem } from '../../spec/evaluation.js';
import type { ChatExample } from '../../spec/tune-data.js';
import { DEFAULT_ABSTENTION_TEXT } from '../../generate/index.js';
import { _failureReasons, _goldenTarget, _itemsById, _teacherTarget } from './_evidence.js';
import { _promptFor, _sourcesFor } from './_prompt.js';
import type { EvidenceExamples, EvidenceReason } from './training-set-types.js';

/** Options of {@link buildSftExamples}. */
export interface BuildSftExamplesOptions {
  run: EvalRun;
  /** Golden items (override those recorded in `run.items`). */
  golden?: readonly GoldenItem[];
  /** A stronger model that writes the corrected targets; its output is kept only when it satisfies the item (schema, abstention), else the golden answer is used. @default none: golden answers */
  teacher?: ChatModel;
  /** Must match the answering pipeline's. @default DEFAULT_ABSTENTION_TEXT */
  abstentionText?: string;
  /** Also train on items only wrong in rag / closed-book mode (knowledge gaps: usually a retrieval fix, not tuning). @default false */
  includeWrongAnswers?: boolean;
  signal?: AbortSignal;
}

const _modeOrder: EvalMode[] = ['oracle', 'rag', 'closed-book'];

/**
 * SFT chat examples from an evaluation's behaviour gaps (wrong even with the perfect context) and format or
 * constraint failures (format consistency 0, constraint adherence < 1): the prompt the failing answer saw
 * (oracle first, then rag, then closed-book), and a corrected target — the golden answer with `[n]` citations
 * (the abstention text for unanswerable items), or the teacher's output.
 */
export async function buildSftExamples({ run, golden, teacher, abstentionText = DEFAULT_ABSTENTION_TEXT, includeWrongAnswers = false, signal }: BuildSftExamplesOptions): Promise<EvidenceExamples<ChatExample>> {
  const items = _itemsById(run, golden);
  const out: EvidenceExamples<ChatExample> = { examples: [], entries: [], skipped: [], warnings: [] };
  const byItem = new Map<string, EvalItemResult[]>();
  for (const r of run.results) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
  for (const [itemId, results] of byItem) {
    const failing = results
      .map((r) => ({ r, reasons: _failureReasons(r).filter((x) => includeWrongAnswers || x !== 'wrong-answer') }))
      .filter((f) => f.reasons.length > 0)
      .sort((a, b) => _modeOrder.indexOf(a.r.mode) - _modeOrder.indexOf(b.r.mode));
    if (failing.length === 0) continue;
    const item = items.get(itemId);
    if (!item) {
      out.skipped.push({ itemId, reason: 'no golden item with this id (pass --golden)' });
      continue;
    }
    const { r } = failing[0]!;
    const reasons = [...new Set(failing.flatMap((f) => f.reasons))] as EvidenceReason[];
    const prompt = _promptFor(item.question, _sourcesFor(item, r.mode, r), r.mode === 'closed-book', abstentionText);
    const taught = teacher ? await _teacherTarget(teacher, item, prompt.messages, abstentionText, signal) : undefined;
    const ref = taught === undefined ? _goldenTarget(item, prompt.sources, abstentionText) : undefined;
    if (ref && 'skip' in ref) {
      out.skipped.push({ itemId, reason: ref.skip });
      continue;
    }
    if (teacher && taught === undefined) out.warnings.push({ type: 'unsupported-setting', message: `Teacher output for item '${itemId}' failed its checks (schema or abstention); the golden target was used.`, line: out.examples.length + 1 });
    const text = taught ?? ref!.text;
    out.entries.push({ index: out.examples.length, itemIds: [itemId], reasons, mode: r.mode, target: taught !== undefined ? 'teacher' : ref!.target, ...(taught !== undefined ? { teacher: `${teacher!.provider}:${teacher!.modelId}` } : {}) });
    out.examples.push({ messages: [...prompt.messages, { role: 'assistant', content: text }] });
  }
  return out;
}
