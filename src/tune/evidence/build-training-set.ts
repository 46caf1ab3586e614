import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ChatModel } from '../../spec/chat-model.js';
import type { EvalRun, GoldenItem } from '../../spec/evaluation.js';
import type { ChatExample, PreferenceExample, TuneDataWarning, TuneFormat } from '../../spec/tune-data.js';
import { FathomError } from '../../util/errors.js';
import { DEFAULT_ABSTENTION_TEXT } from '../../generate/index.js';
import { buildDpoPairs } from './build-dpo-pairs.js';
import { buildRagExamples } from './build-rag-examples.js';
import { buildSftExamples } from './build-sft-examples.js';
import type { SkippedItem, TrainingSetEntry, TrainingSetKind } from './training-set-types.js';

/** Options of {@link buildTrainingSet}. */
export interface BuildTrainingSetOptions {
  kind: TrainingSetKind;
  /** Required for `sft` and `dpo`; optional for `rag` (it supplies the sources each item saw). */
  run?: EvalRun;
  golden?: readonly GoldenItem[];
  /** A stronger model writing corrected targets (`sft`, `dpo`). */
  teacher?: ChatModel;
  /** @default DEFAULT_ABSTENTION_TEXT */
  abstentionText?: string;
  /** `rag`: abstention examples over other items' passages too. @default false */
  distractors?: boolean;
  signal?: AbortSignal;
  _internal?: { now?: () => number };
}

/** `<out>.manifest.json`: how a training set was made and which items each example came from. */
export interface TrainingSetManifest {
  format: 'fathom-training-set';
  version: 1;
  kind: TrainingSetKind;
  /** File format of the examples: `chat` (sft, rag) or `dpo`. */
  dataFormat: TuneFormat;
  createdAt: string;
  run?: { id: string; configHash: string; dataset: EvalRun['dataset'] };
  abstentionText: string;
  teacher?: string;
  counts: { examples: number; skipped: number; byReason: Record<string, number>; byTarget: Record<string, number> };
  examples: TrainingSetEntry[];
  skipped: SkippedItem[];
  warnings: TuneDataWarning[];
}

/** Builds a training set of one kind from evaluation evidence, with its manifest. */
export async function buildTrainingSet({ kind, run, golden, teacher, abstentionText = DEFAULT_ABSTENTION_TEXT, distractors, signal, _internal: { now = Date.now } = {} }: BuildTrainingSetOptions): Promise<{ examples: Array<ChatExample | PreferenceExample>; manifest: TrainingSetManifest }> {
  if (kind !== 'rag' && !run) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `A '${kind}' training set is built from an evaluation run: pass 'run' (--from-run run.json).` });
  if (!run?.items?.length && !golden?.length) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'No golden items: the run does not record them; pass the golden set (--golden golden.jsonl).' });
  const built = kind === 'sft' ? await buildSftExamples({ run: run!, golden, teacher, abstentionText, signal })
    : kind === 'dpo' ? await buildDpoPairs({ run: run!, golden, teacher, abstentionText, signal })
    : kind === 'rag' ? buildRagExamples({ run, golden, abstentionText, distractors })
    : _badKind(kind);
  const count = (keys: string[]): Record<string, number> => keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});
  const manifest: TrainingSetManifest = {
    format: 'fathom-training-set', version: 1, kind, dataFormat: kind === 'dpo' ? 'dpo' : 'chat', createdAt: new Date(now()).toISOString(),
    ...(run ? { run: { id: run.id, configHash: run.configHash, dataset: run.dataset } } : {}),
    abstentionText, ...(teacher ? { teacher: `${teacher.provider}:${teacher.modelId}` } : {}),
    counts: { examples: built.examples.length, skipped: built.skipped.length, byReason: count(built.entries.flatMap((e) => e.reasons)), byTarget: count(built.entries.map((e) => e.target)) },
    examples: built.entries, skipped: built.skipped, warnings: built.warnings,
  };
  return { examples: built.examples, manifest };
}

/** Writes the examples as JSONL to `path` and the manifest next to it (`data.jsonl` → `data.manifest.json`); returns the manifest path. */
export async function writeTrainingSet({ path, examples, manifest }: { path: string; examples: ReadonlyArray<ChatExample | PreferenceExample>; manifest: TrainingSetManifest }): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, examples.map((e) => `${JSON.stringify(e)}\n`).join(''));
  const manifestPath = `${path.replace(/\.jsonl?$/i, '')}.manifest.json`;
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifestPath;
}

function _badKind(kind: never): never {
  throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Unknown training-set kind '${String(kind)}'; use sft, rag or dpo.` });
}
