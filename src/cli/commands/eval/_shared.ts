import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FathomError } from '../../../util/errors.js';

/** The error when an eval subcommand needs a chat model and none is configured. */
export const noChatModel = (what: string) =>
  new FathomError({ code: 'INVALID_CONFIG', message: `${what} needs a chat model: set "generation" in fathom.config.json or pass --model llama-cpp:<file.gguf> | openai-compatible:<model> | anthropic:<model>.` });

export function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** fathom's own version (recorded in each run). */
export function fathomVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
