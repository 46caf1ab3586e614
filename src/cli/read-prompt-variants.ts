import { readFileSync } from 'node:fs';
import type { PromptVariant } from '../spec/answer.js';
import { FathomError } from '../util/errors.js';
import { sha256 } from '../util/hash.js';

/** `--prompt prompts.json`: a list of variants, or `{ "variants": [...] }`. Field checks are `evaluate()`'s. */
export function readPromptVariants(path: string): { path: string; sha256: string; variants: PromptVariant[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `Cannot read the prompt variants file ${path}: check the path given to --prompt.`, details: { path } });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}): --prompt expects [{ "id": "baseline" }, { "id": "terse", "instructions": "…" }].`, details: { path } });
  }
  const variants = Array.isArray(parsed) ? parsed : (parsed as { variants?: unknown } | null)?.variants;
  if (!Array.isArray(variants)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${path}: --prompt expects a JSON list of variants (or { "variants": [...] }), each { "id", "system"?, "instructions"?, "examples"? }.`, details: { path } });
  return { path, sha256: sha256(text), variants: variants as PromptVariant[] };
}
