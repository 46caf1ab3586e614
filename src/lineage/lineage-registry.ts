/**
 * The lineage registry: `<dataDir>/lineage.jsonl`, one {@link LineageRecord} per derived artefact fathom wrote
 * (review proposals, golden items, training examples). It holds ids, paths and hashes only, never text.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LineageRecord } from '../spec/monitor.js';
import { FathomError } from '../util/errors.js';

export const lineageFile = (dataDir: string): string => join(dataDir, 'lineage.jsonl');

/** Append records (creating the data directory). */
export function recordLineage({ dataDir, records }: { dataDir: string; records: readonly LineageRecord[] }): void {
  if (!records.length) return;
  mkdirSync(dataDir, { recursive: true });
  appendFileSync(lineageFile(dataDir), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

/** Every record of `tenant` (all tenants when omitted). */
export function readLineage({ dataDir, tenant }: { dataDir: string; tenant?: string }): LineageRecord[] {
  const file = lineageFile(dataDir);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line, i) => {
    try {
      return JSON.parse(line) as LineageRecord;
    } catch {
      throw new FathomError({ code: 'FILE_MALFORMED', message: `${file} line ${i + 1} is not JSON: fix or remove that line (it only records where derived items came from).`, details: { path: file, line: i + 1 } });
    }
  }).filter((r) => tenant === undefined || r.tenant === tenant);
}

/** Rewrite the registry keeping only the records `keep` accepts (removed when none is left). */
export function rewriteLineage({ dataDir, keep }: { dataDir: string; keep: (r: LineageRecord) => boolean }): number {
  const all = readLineage({ dataDir });
  const kept = all.filter(keep);
  const file = lineageFile(dataDir);
  if (kept.length === all.length) return 0;
  if (kept.length === 0) rmSync(file, { force: true });
  else {
    writeFileSync(`${file}.tmp-${process.pid}`, kept.map((r) => `${JSON.stringify(r)}\n`).join(''));
    renameSync(`${file}.tmp-${process.pid}`, file);
  }
  return all.length - kept.length;
}
