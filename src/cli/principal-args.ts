/**
 * `--as <principal> --groups g1,g2`: read as a principal (its access lists apply). Without `--as` the CLI is the
 * store's trusted owner and sees every document of the tenant.
 */
import type { Principal } from '../spec/access.js';
import { FathomError } from '../util/errors.js';

export const principalArgs = {
  as: { type: 'string', schema: { type: 'string', minLength: 1, maxLength: 256 }, description: 'Read as this principal: only documents its access lists allow (e.g. user:alice)', valueHint: 'principal' },
  groups: { type: 'string', schema: { type: 'string', maxLength: 8192 }, description: 'With --as: the principal’s groups (comma-separated)', valueHint: 'g1,g2' },
} as const;

/** The principal named by `--as` / `--groups`, or undefined (the trusted caller). */
export function parsePrincipal(args: { as?: unknown; groups?: unknown }): Principal | undefined {
  const groups = args.groups === undefined ? undefined : String(args.groups).split(',').map((g) => g.trim()).filter(Boolean);
  if (args.as === undefined) {
    if (groups !== undefined) throw new FathomError({ code: 'INVALID_ARGUMENT', message: '--groups needs --as <principal> (e.g. --as user:alice --groups eng).' });
    return undefined;
  }
  const id = typeof args.as === 'string' ? args.as.trim() : '';
  if (!id) throw new FathomError({ code: 'INVALID_ARGUMENT', message: '--as needs a principal id, e.g. --as user:alice.' });
  return { id, groups: groups ?? [] };
}
