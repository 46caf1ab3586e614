import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { TuneExample, TuneFormat } from '../../../spec/tune-data.js';
import { FathomError } from '../../../util/errors.js';
import { readExamples } from '../../../tune/formats/index.js';
import type { CliIO } from '../../io.js';
import { processIO } from '../../io.js';

export const FORMATS = ['chat', 'sharegpt', 'alpaca', 'dpo'] as const;

/** IO and flags shared by the `tune` subcommands (they need no store or config). */
export function tuneContext(ctx: { data?: unknown; args: { json?: unknown } }): { io: CliIO; json: boolean; path: (p: string) => string } {
  const io = (ctx.data as CliIO | undefined) ?? processIO();
  return { io, json: Boolean(ctx.args.json), path: (p) => resolve(io.cwd, p) };
}

/** Validate a --format/--to value. */
export function parseFormat(value: unknown, flag: string): TuneFormat | undefined {
  if (value === undefined) return undefined;
  if (!(FORMATS as readonly string[]).includes(String(value))) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--${flag} must be one of ${FORMATS.join(', ')} (got "${String(value)}").` });
  }
  return value as TuneFormat;
}

/** Parse a numeric flag or explain what is expected. */
export function parseNumber(value: unknown, flag: string, { min = -Infinity, max = Infinity } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--${flag} must be a number between ${min} and ${max} (got "${String(value)}").` });
  return n;
}

/** Read every valid example of a file (with its line); invalid lines are returned separately. */
export async function readAll(path: string, format?: TuneFormat): Promise<{ examples: TuneExample[]; lines: number[]; format?: TuneFormat; errors: Array<{ line: number; error: string }> }> {
  const examples: TuneExample[] = [];
  const lines: number[] = [];
  const errors: Array<{ line: number; error: string }> = [];
  let fmt = format;
  for await (const r of readExamples({ path, format })) {
    if ('error' in r) errors.push(r);
    else {
      fmt ??= r.format;
      examples.push(r.example);
      lines.push(r.line);
    }
  }
  return { examples, lines, format: fmt, errors };
}

/** Read a JSON file given on the command line (e.g. --schema). */
export async function readJsonFile(path: string, flag: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch((cause: unknown) => {
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `--${flag} file not found: ${path}.`, cause, details: { path } });
  });
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new FathomError({ code: 'FILE_MALFORMED', message: `--${flag} file ${path} is not valid JSON.`, cause, details: { path } });
  }
}

/** Write records as JSONL, creating the folder. */
export async function writeJsonl(path: string, records: unknown[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}
