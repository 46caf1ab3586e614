import { existsSync, readFileSync, statSync } from 'node:fs';
import type { UnmanagedCopy } from '../../spec/store.js';
import type { RecordedExport } from './record-export.js';

/** Recorded exports that still exist and mention one of `needles` as a quoted id (all that exist when `needles` is undefined). */
export function _unmanagedExports(exports: RecordedExport[], needles: string[] | undefined): UnmanagedCopy[] {
  const out: UnmanagedCopy[] = [];
  for (const e of exports) {
    if (!existsSync(e.path) || !statSync(e.path).isFile()) continue;
    if (needles) {
      const text = readFileSync(e.path, 'utf8');
      // Exports are JSON, JSONL or CSV: an id appears as a JSON string, possibly CSV-quoted ("" for ").
      if (!needles.some((n) => text.includes(JSON.stringify(n)) || text.includes(JSON.stringify(n).replace(/"/g, '""')))) continue;
    }
    out.push({ path: e.path, kind: 'export', note: `${e.kind} export written ${new Date(e.at).toISOString()}: a copy outside .fathom — fathom does not edit your files; delete or edit it yourself` });
  }
  return out;
}
