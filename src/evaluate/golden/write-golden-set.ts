import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GoldenItem } from '../../spec/evaluation.js';

/** Options of {@link writeGoldenSet}. */
export interface WriteGoldenSetOptions {
  path: string;
  items: readonly GoldenItem[];
}

/** Writes items as golden-set JSONL (one compact object per line), creating the directory. */
export async function writeGoldenSet({ path, items }: WriteGoldenSetOptions): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, items.map((i) => JSON.stringify(i)).join('\n') + (items.length ? '\n' : ''));
}
