/**
 * The feedback review file: JSONL, one {@link FeedbackProposal} per line with `"accept": null`. A person sets each
 * line's `accept` to true or false; only accepted lines become golden items and training data.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FeedbackProposal, LineageRecord } from '../spec/monitor.js';
import { FathomError } from '../util/errors.js';
import { sha256 } from '../util/hash.js';

/** Write the proposals and return one `review-item` lineage record per line. */
export function writeReviewFile({ path, tenant, proposals, at }: { path: string; tenant: string; proposals: readonly FeedbackProposal[]; at: number }): LineageRecord[] {
  mkdirSync(dirname(path), { recursive: true });
  const lines = proposals.map((p) => JSON.stringify(p));
  writeFileSync(path, lines.map((l) => `${l}\n`).join(''));
  return proposals.map((p, i) => ({ tenant, kind: 'review-item', id: p.itemId, path, lineHash: sha256(lines[i]!), documents: p.documents, auditEntries: [p.auditEntry], at }));
}

/** The reviewed proposals; every line must be a proposal whose `accept` is true, false or null. */
export function readReviewFile(path: string): { accepted: FeedbackProposal[]; rejected: number; pending: number } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `No review file at ${path}: write one with \`fathom golden from-feedback --out ${path}\`.`, details: { path } });
  }
  const out = { accepted: [] as FeedbackProposal[], rejected: 0, pending: 0 };
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let p: FeedbackProposal;
    try {
      p = JSON.parse(line) as FeedbackProposal;
    } catch {
      throw _bad(path, i, 'is not JSON');
    }
    if (typeof p !== 'object' || p === null || typeof p.itemId !== 'string' || typeof p.question !== 'string' || typeof p.answer !== 'string') throw _bad(path, i, 'is not a proposal (itemId, question, answer)');
    if (p.accept === true) out.accepted.push(p);
    else if (p.accept === false) out.rejected++;
    else if (p.accept === null || p.accept === undefined) out.pending++;
    else throw _bad(path, i, `has "accept": ${JSON.stringify(p.accept)}; use true, false or null`);
  });
  return out;
}

const _bad = (path: string, i: number, what: string) =>
  new FathomError({ code: 'INVALID_RECORD', message: `${path} line ${i + 1} ${what}: each line is a proposal whose "accept" you set to true or false.`, details: { path, line: i + 1 } });
