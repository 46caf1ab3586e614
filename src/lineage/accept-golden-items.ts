import type { GoldenItem } from '../spec/evaluation.js';
import type { FeedbackProposal, LineageRecord } from '../spec/monitor.js';
import { sha256 } from '../util/hash.js';

/** Golden items from accepted proposals, with their lineage in `metadata.lineage` (audit entry, document versions). */
export function acceptGoldenItems(proposals: readonly FeedbackProposal[]): GoldenItem[] {
  return proposals.map((p) => ({
    id: p.itemId, question: p.question, answers: p.answer ? [p.answer] : [], answerable: p.answer !== '',
    sources: p.sources.map((documentId) => ({ documentId })), tags: ['from-feedback'],
    metadata: { lineage: { auditEntries: [p.auditEntry], documents: p.documents } },
  }));
}

/** One lineage record per JSONL line fathom wrote (`lines[i]` is the line of `ids[i]`). */
export function lineageOfLines(o: { tenant: string; kind: LineageRecord['kind']; path: string; at: number; lines: string[]; sources: ReadonlyArray<Pick<FeedbackProposal, 'itemId' | 'auditEntry' | 'documents'>>; suffix?: string }): LineageRecord[] {
  return o.lines.map((line, i) => ({
    tenant: o.tenant, kind: o.kind, id: `${o.sources[i]!.itemId}${o.suffix ?? ''}`, path: o.path, lineHash: sha256(line), documents: o.sources[i]!.documents, auditEntries: [o.sources[i]!.auditEntry], at: o.at,
  }));
}
