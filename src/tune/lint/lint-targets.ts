/**
 * What each training target accepts, for `tune lint --target`. Sources (read 2026-12-05):
 * - openai: the fine-tuning input schema `FineTuneChatRequestInput` (top level `messages`, `tools`,
 *   `parallel_tool_calls`, `functions`) and OpenAI's cookbook "Chat_finetuning_data_prep" (message keys
 *   role, content, name, function_call, weight; `message_unrecognized_key` is a format error); tool turns
 *   (`tool_calls`, `tool_call_id`) from the function-calling fine-tuning guide; ≥ 10 examples; 65,536
 *   tokens per training example (gpt-4o / gpt-4o-mini, Azure OpenAI model table).
 * - together: together-python `utils/files.py` `_check_jsonl` / `validate_messages`: an extra top-level
 *   column is an error ("Found extra column"), `weight` must be 0 or 1, the same role twice in a row is an
 *   error, content must be a string; docs.together.ai "Data preparation": roles system, user, assistant;
 *   tool calls per "Function-calling fine-tuning".
 * - mistral: docs.mistral.ai "Text fine-tuning" (`messages`, optional `tools`; roles system, user,
 *   assistant, tool); tool call ids are 9 characters a-z, A-Z, 0-9 (mistral-common validator); tool turns
 *   need `tool_call_id` (release note 2024-05-23); files with extra columns fail with "Invalid file
 *   format" (Mistral cookbook, ultrachat example).
 * - fireworks: docs.fireworks.ai "Fine-tuning models": a `messages` array of {role, content}, roles
 *   system, user, assistant; at least 3 examples.
 * - trl / axolotl / unsloth: local trainers over Hugging Face `datasets`: extra columns and message keys
 *   are ignored by the chat template (TRL "Dataset formats"; axolotl `chat_template` datasets; unsloth
 *   uses TRL's SFTTrainer), so unknown keys are not reported; roles are what chat templates render.
 */
export type LintTarget = 'openai' | 'together' | 'mistral' | 'fireworks' | 'trl' | 'axolotl' | 'unsloth';

export const LINT_TARGETS: readonly LintTarget[] = ['openai', 'together', 'mistral', 'fireworks', 'trl', 'axolotl', 'unsloth'];

/** The rules of one target. */
export interface TargetProfile {
  id: LintTarget;
  /** A hosted API that validates the file at upload (and rejects it as a whole). */
  hosted: boolean;
  /** Allowed top-level keys of a chat record; undefined: not checked (extra columns are ignored). */
  topKeys?: ReadonlySet<string>;
  /** Allowed keys of a message; undefined: not checked. */
  messageKeys?: ReadonlySet<string>;
  roles: ReadonlySet<string>;
  /** Accepts assistant `tool_calls` and `tool` turns. */
  toolCalls: boolean;
  /** Tool call ids must match this. */
  toolCallId?: RegExp;
  /** `weight` (0 or 1) is allowed on assistant turns. */
  weight: boolean;
  /** user and assistant must alternate (no role twice in a row). */
  alternate: boolean;
  minExamples?: number;
  maxExampleTokens?: number;
}

const set = (...xs: string[]): ReadonlySet<string> => new Set(xs);
const CHAT_ROLES = set('system', 'user', 'assistant', 'tool');

export const TARGET_PROFILES: Record<LintTarget, TargetProfile> = {
  openai: {
    id: 'openai', hosted: true, topKeys: set('messages', 'tools', 'parallel_tool_calls', 'functions'),
    messageKeys: set('role', 'content', 'name', 'weight', 'tool_calls', 'tool_call_id', 'function_call'),
    roles: set('system', 'developer', 'user', 'assistant', 'tool', 'function'), toolCalls: true, weight: true, alternate: false, minExamples: 10, maxExampleTokens: 65_536,
  },
  together: {
    id: 'together', hosted: true, topKeys: set('messages', 'tools'), roles: CHAT_ROLES, toolCalls: true, weight: true, alternate: true, minExamples: 1,
  },
  mistral: {
    id: 'mistral', hosted: true, topKeys: set('messages', 'tools'), messageKeys: set('role', 'content', 'tool_calls', 'tool_call_id', 'name', 'weight'),
    roles: CHAT_ROLES, toolCalls: true, toolCallId: /^[A-Za-z0-9]{9}$/, weight: true, alternate: false,
  },
  fireworks: {
    id: 'fireworks', hosted: true, topKeys: set('messages', 'tools'), messageKeys: set('role', 'content', 'tool_calls', 'tool_call_id', 'name', 'weight'),
    roles: CHAT_ROLES, toolCalls: true, weight: true, alternate: false, minExamples: 3,
  },
  trl: { id: 'trl', hosted: false, roles: CHAT_ROLES, toolCalls: true, weight: false, alternate: false },
  axolotl: { id: 'axolotl', hosted: false, roles: CHAT_ROLES, toolCalls: true, weight: false, alternate: false },
  unsloth: { id: 'unsloth', hosted: false, roles: CHAT_ROLES, toolCalls: true, weight: false, alternate: false },
};

/** Hosted targets that reject a top-level key / a message key. */
export function targetsRejecting(key: string, where: 'top' | 'message'): LintTarget[] {
  return LINT_TARGETS.filter((t) => {
    const allowed = where === 'top' ? TARGET_PROFILES[t].topKeys : TARGET_PROFILES[t].messageKeys;
    return allowed !== undefined && !allowed.has(key);
  });
}
