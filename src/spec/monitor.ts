/**
 * Continuous evaluation: feedback on audit entries, online (reference-free) scores, drift checks, and the
 * lineage records that tie derived artefacts (golden items, training examples) to documents and audit entries.
 */

/** One piece of feedback on an answered query (`fathom feedback`, `POST /v1/audit/{id}/feedback`). */
export interface QueryFeedback {
  /** Thumbs. */
  rating?: 'up' | 'down';
  /** The answer the user says is right (free text: erased with the entry's text). */
  correction?: string;
  /** Free-text note (erased with the entry's text). */
  note?: string;
  /** Document ids that should have been cited. */
  sources?: string[];
  /** Who gave it (principal id), when known. */
  by?: string;
  /** Epoch ms. */
  at: number;
}

/**
 * Reference-free scores of one sampled answer, stored with its audit entry. Every metric is computed from the
 * entry alone (no golden answer): undefined = not applicable (e.g. citation support of an abstention).
 */
export interface OnlineScores {
  /** Epoch ms the entry was scored. */
  at: number;
  /** Version of the scorer (`online-v1`), so scores from different scorers are not compared blindly. */
  scorer: string;
  /** The stratum the entry was sampled in (`tenant/pipeline`) and the sampling rate applied. */
  stratum: string;
  rate: number;
  metrics: OnlineMetrics;
  /** Structured judge verdicts, one per criterion, when a judge model was configured (`--judge`). */
  verdicts?: OnlineVerdict[];
}

/**
 * One structured judge verdict on a sampled answer: the judge ran `runs` times; `score` is their mean and
 * `agreement` the share of runs giving the modal `label`. The judge's reasoning is not kept: a verdict quotes
 * nothing, so it survives the redaction of its entry like the numeric scores.
 */
export interface OnlineVerdict {
  /** `faithfulness` (the answer against the passages it was given) or `relevance` (against the question). */
  criterion: string;
  label: string;
  /** [0, 1]. */
  score: number;
  runs: number;
  /** Present when `runs` > 1. */
  agreement?: number;
  /** `provider:modelId` of the judging model and the rubric id (`faithfulness@1`). */
  model: string;
  promptId: string;
}

export interface OnlineMetrics {
  /** 1 when the answer abstained, else 0. */
  abstained: number;
  /** Mean support of the answer's valid citations, [0, 1]. */
  citationSupport?: number;
  /** Share of citations that are invalid or unsupported, [0, 1]. */
  unsupportedCitations?: number;
  /** Answer sentences without adequate support. */
  unsupportedClaims?: number;
  /** The retrieval sufficiency signal logged with the answer, [0, 1]. */
  sufficiency?: number;
  /** Score of the top retrieved hit. */
  topScore?: number;
  /** Share of the question's content terms that the answer addresses (lexical answer relevance), [0, 1]. */
  answerRelevance?: number;
  latencyMs?: number;
  tokens?: number;
  costUsd?: number;
  /** Mean judge verdict score and agreement over n runs (means over the verdicts), when a judge was configured. */
  judgeScore?: number;
  judgeAgreement?: number;
}

/** Which drift signal a check measured. */
export type DriftSignalName =
  | 'new-terms' | 'term-divergence' | 'embedding-shift' | 'no-sufficient-context' | 'top-score-shift' | 'sufficiency-shift'
  | 'abstention-rate' | 'unsupported-citations' | 'judge-score' | 'latency-shift' | 'cost-shift' | 'stale-sources' | 'negative-feedback';

/** One signal of a drift check: current window vs baseline, with the threshold and the sample sizes. */
export interface DriftSignal {
  name: DriftSignalName;
  /** Value in the current window and in the baseline (a rate, a mean, or the KS statistic D for shifts). */
  current: number;
  baseline: number;
  /** The threshold the statistic is compared with (e.g. an absolute rise of 0.1, or KS D ≥ 0.2 with p < 0.001). */
  threshold: string;
  /** p-value where a test applies. */
  pValue?: number;
  /** Entries behind each side; a signal with fewer than the minimum is `insufficient-data`, never an alert. */
  n: { current: number; baseline: number };
  status: 'ok' | 'alert' | 'insufficient-data';
  /** What the signal means and what to do, when it alerts. */
  advice?: string;
}

export interface DriftReport {
  tenant: string;
  /** Epoch ms windows [from, to). */
  window: { from: number; to: number };
  baseline: { from: number; to: number };
  signals: DriftSignal[];
  /** True when any signal alerts (`fathom monitor check` exits 1). */
  alert: boolean;
  /** The advice of the alerting signals, deduplicated (the retraining trigger among them). */
  advice: string[];
}

/** Where a derived artefact came from: document versions and audit entries. */
export interface LineageRecord {
  tenant: string;
  /** A proposal in a review file, an accepted golden item, or a training example (SFT or DPO line). */
  kind: 'review-item' | 'golden-item' | 'training-example';
  /** The artefact's id (the golden item id; `<item id>:sft` / `<item id>:dpo` for training examples). */
  id: string;
  /** The file fathom wrote the artefact to (absolute). */
  path: string;
  /** SHA-256 of the line as written (lines without an id field are found by it). */
  lineHash?: string;
  documents: Array<{ documentId: string; versionId?: string }>;
  auditEntries: string[];
  /** Epoch ms. */
  at: number;
}

/** One proposal of `fathom golden from-feedback`: a line of the review file a person accepts or rejects. */
export interface FeedbackProposal {
  /** Set to true (keep) or false (reject) by the reviewer; null until reviewed. */
  accept: boolean | null;
  /** The golden item id it becomes (`fb-<audit entry id>`). */
  itemId: string;
  question: string;
  /** The corrected answer (from feedback); empty when the feedback says the answer should abstain. */
  answer: string;
  /** The answer the system gave. */
  original: string;
  /** Documents cited, or named by the feedback as the ones that should have been. */
  sources: string[];
  auditEntry: string;
  documents: Array<{ documentId: string; versionId?: string }>;
  rating?: 'up' | 'down';
  note?: string;
}
