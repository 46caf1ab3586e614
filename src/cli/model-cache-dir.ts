import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where downloaded models are cached when the config names no `cacheDir`: `$FATHOM_CACHE/models`, else
 * `$XDG_CACHE_HOME/fathom/models`, else `~/.cache/fathom/models` — never inside `node_modules`, which the next
 * `npm ci` wipes.
 */
export function modelCacheDir(env: Record<string, string | undefined>): string {
  if (env.FATHOM_CACHE) return resolve(env.FATHOM_CACHE, 'models');
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'fathom', 'models');
}
