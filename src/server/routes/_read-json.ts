import type { Context } from 'hono';
import { FathomError } from '../../util/errors.js';

/** The JSON body, or INVALID_ARGUMENT naming the problem (the body-size limit ran before this). */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Send a JSON body with Content-Type: application/json (got "${type || 'none'}").` });
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `The body is not valid JSON: ${(error as Error).message}.` });
  }
}
