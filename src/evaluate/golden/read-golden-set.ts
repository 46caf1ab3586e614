import { readFile } from 'node:fs/promises';
import type { GoldenItem } from '../../spec/evaluation.js';
import { FathomError } from '../../util/errors.js';
import { sha256 } from '../../util/hash.js';
import { validateGoldenItem } from './validate-golden-item.js';

/** A golden set read from a JSONL file. */
export interface GoldenSet {
  path: string;
  /** Hex SHA-256 of the file bytes (recorded in runs). */
  sha256: string;
  items: GoldenItem[];
  /** Line of each item, by id. */
  lines: Record<string, number>;
}

/** Options of {@link readGoldenSet} and {@link parseGoldenSet}. */
export interface ReadGoldenSetOptions {
  path: string;
}

/**
 * Reads and validates a golden set (JSONL, one item per line; blank lines skipped). Every line is checked;
 * all problems are collected with their line numbers, then thrown together as INVALID_DATASET
 * (`details.errors: [{ line, message }]`). Duplicate ids are errors too.
 */
export async function readGoldenSet({ path }: ReadGoldenSetOptions): Promise<GoldenSet> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `Golden set '${path}' cannot be read: ${(e as Error).message}`, cause: e, details: { path } });
  }
  const lines: Record<string, number> = {};
  return { path, sha256: sha256(text), items: _parse(text, path, lines), lines };
}

/** Parses and validates golden-set JSONL text (see {@link readGoldenSet}); `source` names it in messages. */
export function parseGoldenSet({ text, source = 'golden set' }: { text: string; source?: string }): GoldenItem[] {
  return _parse(text, source, {});
}

function _parse(text: string, source: string, lines: Record<string, number>): GoldenItem[] {
  const items: GoldenItem[] = [];
  const errors: Array<{ line: number; message: string }> = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim().length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      errors.push({ line, message: `not JSON: ${(e as Error).message}` });
      return;
    }
    const r = validateGoldenItem(value);
    if (!r.ok) {
      for (const message of r.errors) errors.push({ line, message });
      return;
    }
    const first = seen.get(r.item.id);
    if (first !== undefined) errors.push({ line, message: `duplicate id "${r.item.id}" (first on line ${first})` });
    else {
      seen.set(r.item.id, line);
      lines[r.item.id] = line;
    }
    items.push(r.item);
  });
  if (errors.length > 0) {
    const shown = errors.slice(0, 20).map((e) => `  line ${e.line}: ${e.message}`).join('\n');
    const more = errors.length > 20 ? `\n  … and ${errors.length - 20} more` : '';
    throw new FathomError({
      code: 'INVALID_DATASET',
      message: `${source} has ${errors.length} invalid ${errors.length === 1 ? 'entry' : 'entries'} (format: schemas/golden-item.schema.json):\n${shown}${more}`,
      details: { path: source, errors },
    });
  }
  if (items.length === 0) throw new FathomError({ code: 'INVALID_DATASET', message: `${source} has no items: write one JSON object per line (see schemas/golden-item.schema.json).`, details: { path: source } });
  return items;
}
