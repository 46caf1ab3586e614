import { defineCommand } from 'citty';
import { FathomError } from '../../../util/errors.js';
import { readGoldenSet } from '../../../evaluate/golden/index.js';
import { buildTrainingSet, writeTrainingSet, type TrainingSetKind } from '../../../tune/evidence/index.js';
import { commonArgs } from '../../common-args.js';
import { cliContext } from '../../context.js';
import { emit } from '../../io.js';
import { chatModelFromSpec } from './gate.js';
import { _abs } from './start.js';
import { readEvalRun } from '../../read-eval-run.js';

const kinds = ['sft', 'rag', 'dpo'] as const;

export const buildCommand = defineCommand({
  meta: { name: 'build', description: 'Build a training set from evaluation evidence: sft (corrected failures), rag (grounded + abstention), dpo (preference pairs)' },
  args: {
    ...commonArgs,
    'from-feedback': { type: 'string', description: 'Accepted lines of a feedback review file (`fathom golden from-feedback`): sft from corrections, dpo corrected vs original', valueHint: 'review.jsonl' },
    'from-run': { type: 'string', description: 'Evaluation run JSON (`fathom eval run --out run.json`); required for sft and dpo', valueHint: 'run.json' },
    golden: { type: 'string', description: 'Golden set (when the run does not record its items)', valueHint: 'golden.jsonl' },
    kind: { type: 'string', schema: { enum: ['sft', 'rag', 'dpo'] }, description: 'sft | rag | dpo', required: true },
    out: { type: 'string', description: 'Output JSONL (chat for sft/rag, DPO pairs for dpo); the manifest goes next to it', required: true, valueHint: 'data.jsonl' },
    teacher: { type: 'string', description: 'A stronger model writing corrected targets (sft, dpo), e.g. openai-compatible:https://api.openai.com/v1#gpt-4.1' },
    distractors: { type: 'boolean', description: 'rag: add abstention examples over other items\' passages' },
    'abstention-text': { type: 'string', description: 'Abstention text (must match the answering pipeline)' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const a = ctx.args;
    if (a['from-feedback'] !== undefined) return (await import('./build-from-feedback.js')).buildFromFeedback(ctx as never);
    if (!(kinds as readonly string[]).includes(String(a.kind))) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--kind must be one of ${kinds.join(', ')} (got "${String(a.kind)}").` });
    const run = a['from-run'] === undefined ? undefined : readEvalRun(c, String(a['from-run'])).run;
    const golden = a.golden === undefined ? undefined : (await readGoldenSet({ path: _abs(c, a.golden)! })).items;
    const teacher = a.teacher === undefined ? undefined : await chatModelFromSpec(c, String(a.teacher), 'teacher');
    const { examples, manifest } = await buildTrainingSet({
      kind: a.kind as TrainingSetKind, run, golden, teacher, distractors: Boolean(a.distractors), signal: c.io.signal,
      ...(a['abstention-text'] !== undefined ? { abstentionText: String(a['abstention-text']) } : {}),
    });
    const out = _abs(c, a.out)!;
    const manifestPath = await writeTrainingSet({ path: out, examples, manifest });
    emit(c.io, c.json, { out, manifest: manifestPath, counts: manifest.counts, skipped: manifest.skipped }, () => [
      `${manifest.counts.examples} ${a.kind} example(s) → ${String(a.out)} (manifest ${manifestPath})`,
      `  by reason: ${Object.entries(manifest.counts.byReason).map(([k, v]) => `${k} ${v}`).join(', ') || '-'}; targets: ${Object.entries(manifest.counts.byTarget).map(([k, v]) => `${k} ${v}`).join(', ') || '-'}`,
      ...(manifest.skipped.length ? [`  skipped ${manifest.skipped.length}: ${manifest.skipped.slice(0, 5).map((s) => `${s.itemId} (${s.reason})`).join('; ')}`] : []),
      `next: fathom tune lint ${String(a.out)}`,
    ].join('\n'));
    return 0;
  },
});
