import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { applyEdits, modify } from 'jsonc-parser';
import { FathomError } from '../util/errors.js';

/** Sets values at JSON paths in a fathom.config.json, keeping its comments and layout (creates the file when missing). */
export function writeConfigValues(file: string, values: ReadonlyArray<{ path: Array<string | number>; value: unknown }>): void {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '{}\n';
  for (const { path, value } of values) text = applyEdits(text, modify(text, path, value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  try {
    writeFileSync(file, text);
  } catch (cause) {
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `Cannot write ${file}: ${(cause as Error).message}. Check the folder exists and is writable, or pass --dry-run.`, cause });
  }
}
