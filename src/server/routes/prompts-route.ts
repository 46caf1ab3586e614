/**
 * `GET /v1/prompts`: the prompt variants the server offers (`CreateServerOptions.prompts`), by id, with their
 * system line, instructions and number of few-shot examples; `/v1/ask` takes one as `prompt`. Read-only: the
 * variants come from the server's configuration.
 */
import type { Hono } from 'hono';
import type { PromptVariant } from '../../spec/answer.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';

/** A variant as `GET /v1/prompts` lists it. */
export interface PublicPromptVariant {
  id: string;
  system?: string;
  instructions?: string;
  examples: number;
}

/** The variant `id` of this server, or NOT_FOUND naming the ones it has. */
export function promptVariant(s: Pick<_ServerContext, 'options'>, id: string): PromptVariant {
  const found = s.options.prompts?.find((v) => v.id === id);
  if (found) return found;
  const ids = (s.options.prompts ?? []).map((v) => v.id);
  throw new FathomError({ code: 'NOT_FOUND', message: `No prompt variant "${id}": ${ids.length ? `use one of ${ids.join(', ')}` : 'this server offers none, leave `prompt` out'} (GET /v1/prompts).`, details: { prompt: id } });
}

export function promptsRoute(app: Hono<_Env>, s: _ServerContext): void {
  const variants = s.options.prompts ?? [];
  const seen = new Set<string>();
  for (const v of variants) {
    if (typeof v.id !== 'string' || v.id.length < 1 || v.id.length > 64 || seen.has(v.id)) throw new FathomError({ code: 'INVALID_CONFIG', message: `Prompt variant ids must be unique and 1–64 characters; got "${String(v.id)}": rename it.`, details: { id: v.id } });
    seen.add(v.id);
  }
  const data: PublicPromptVariant[] = variants.map((v) => ({ id: v.id, ...(v.system ? { system: v.system } : {}), ...(v.instructions ? { instructions: v.instructions } : {}), examples: v.examples?.length ?? 0 }));
  app.get('/v1/prompts', (c) => c.json({ data }));
}
