import type { EvalMode } from '../../spec/evaluation.js';
import type { ChatExample, PreferenceExample, TuneDataWarning } from '../../spec/tune-data.js';

/** What a training set teaches: corrected behaviour (SFT), grounded answering and abstention (RAG), preferences (DPO). */
export type TrainingSetKind = 'sft' | 'rag' | 'dpo';

/** Why an example was made. */
export type EvidenceReason =
  | 'behaviour-gap'
  | 'format-failure'
  | 'constraint-failure'
  | 'wrong-answer'
  | 'rag-grounded'
  | 'rag-abstain-unanswerable'
  | 'rag-abstain-distractors';

/** Where an example's target (assistant turn, or DPO `chosen`) came from. */
export type TargetSource = 'golden' | 'teacher' | 'abstention';

/** One line of the manifest: which items an example came from and how it was made. */
export interface TrainingSetEntry {
  /** 0-based index of the example in the data file (line = index + 1). */
  index: number;
  /** Golden item ids the example draws on (the item, plus distractor items for abstention examples). */
  itemIds: string[];
  reasons: EvidenceReason[];
  /** The evaluation mode whose prompt shape the example uses. */
  mode: EvalMode;
  target: TargetSource;
  /** The teacher model (`provider:modelId`) when `target` is `teacher`. */
  teacher?: string;
}

/** An item that produced no example, and why. */
export interface SkippedItem {
  itemId: string;
  reason: string;
}

/** What each builder returns. */
export interface EvidenceExamples<T extends ChatExample | PreferenceExample> {
  examples: T[];
  entries: TrainingSetEntry[];
  skipped: SkippedItem[];
  warnings: TuneDataWarning[];
}
