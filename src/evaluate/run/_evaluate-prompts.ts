import type { PromptVariant } from '../../spec/answer.js';
import type { EvalMode, EvalRun, PromptComparison } from '../../spec/evaluation.js';
import { FathomError } from '../../util/errors.js';
import { sha256 } from '../../util/hash.js';
import { pairedBootstrap } from '../compare/paired-bootstrap.js';
import type { EvalPipeline } from './_run-one.js';
import { _stableStringify } from './_stable-hash.js';

type One = (pipeline: EvalPipeline, config: Record<string, unknown>, index: number) => Promise<EvalRun>;

/**
 * Runs the same items once per prompt variant (each variant's answers cached under its own configuration) and
 * compares each variant with the first (the baseline) on per-item `correct` in the rag mode (else the first
 * mode), with a paired bootstrap 95% interval. The returned run is the baseline's, with `prompts` attached.
 */
export async function _evaluatePrompts({ variants, pipeline, config, runOne }: { variants: readonly PromptVariant[]; pipeline: EvalPipeline; config: Record<string, unknown>; runOne: One }): Promise<EvalRun> {
  _validateVariants(variants);
  const runs: EvalRun[] = [];
  for (const [i, variant] of variants.entries()) {
    const bound: EvalPipeline = { answer: (o) => pipeline.answer({ ...o, prompt: variant }) };
    runs.push(await runOne(bound, { ...config, prompt: { id: variant.id, sha256: _version(variant) } }, i));
  }
  const base = runs[0]!;
  const mode: EvalMode = base.modes.includes('rag') ? 'rag' : base.modes[0]!;
  const correctOf = (run: EvalRun) => new Map(run.results.filter((r) => r.mode === mode).map((r) => [r.itemId, r.correct ? 1 : 0]));
  const baseCorrect = correctOf(base);
  const rows: PromptComparison['variants'] = runs.map((run, i) => {
    const mine = correctOf(run);
    const ids = [...baseCorrect.keys()].filter((id) => mine.has(id));
    const a = ids.map((id) => baseCorrect.get(id)!);
    const b = ids.map((id) => mine.get(id)!);
    const { delta, ci95 } = i === 0 ? { delta: 0, ci95: [0, 0] as [number, number] } : pairedBootstrap({ a, b, seed: i });
    return { id: variants[i]!.id, sha256: _version(variants[i]!), variant: variants[i]!, summary: run.summary, correct: ids.length ? b.reduce((s, x) => s + x, 0) / ids.length : 0, n: ids.length, delta, ci95 };
  });
  const best = rows.reduce((top, r) => (r.correct > top.correct ? r : top), rows[0]!).id;
  const prompts: PromptComparison = { baseline: rows[0]!.id, mode, variants: rows, best, results: Object.fromEntries(runs.slice(1).map((r, i) => [variants[i + 1]!.id, r.results])) };
  return { ...base, config: { ...base.config, prompt: undefined, prompts: rows.map((r) => ({ id: r.id, sha256: r.sha256 })) }, prompts };
}

function _version(variant: PromptVariant): string {
  return sha256(_stableStringify(variant));
}

function _validateVariants(variants: readonly PromptVariant[]): void {
  const bad = (message: string) => new FathomError({ code: 'INVALID_ARGUMENT', message: `Prompt variants: ${message}` });
  if (variants.length < 1 || variants.length > 20) throw bad(`give 1 to 20 variants, got ${variants.length}.`);
  const ids = new Set<string>();
  for (const [i, v] of variants.entries()) {
    if (!v || typeof v !== 'object' || typeof v.id !== 'string' || !/^[\w.:-]{1,64}$/.test(v.id)) throw bad(`variant ${i + 1} needs an "id" of 1–64 letters, digits, _ . : or -.`);
    if (ids.has(v.id)) throw bad(`the id "${v.id}" is used twice.`);
    ids.add(v.id);
    for (const key of Object.keys(v)) if (!['id', 'system', 'instructions', 'examples'].includes(key)) throw bad(`variant "${v.id}" has an unknown field "${key.slice(0, 40)}" (allowed: id, system, instructions, examples).`);
    for (const key of ['system', 'instructions'] as const) if (v[key] !== undefined && (typeof v[key] !== 'string' || v[key].length > 20_000)) throw bad(`variant "${v.id}": "${key}" must be a string of at most 20,000 characters.`);
    if (v.examples !== undefined && (!Array.isArray(v.examples) || v.examples.length > 50 || !v.examples.every((e) => e && typeof e.question === 'string' && typeof e.answer === 'string'))) throw bad(`variant "${v.id}": "examples" must be a list of at most 50 { "question", "answer" } strings.`);
  }
}
