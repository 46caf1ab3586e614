/**
 * Exact and near-duplicate detection during an ingest run: against the store (committed documents) and
 * against the batch not yet committed. State is per run and bounded by the batch size.
 */
import type { DedupOptions, DuplicateGroup } from '../../spec/ingest.js';
import type { Store } from '../../spec/store.js';
import { estimateJaccard, lshBands, minhashSignature } from '../../util/text/minhash.js';

export interface DuplicateCheck {
  kind: 'exact' | 'near';
  canonical: string;
  similarity: number;
}

export interface PendingDoc {
  id: string;
  contentHash: string;
  signature?: { values: Uint32Array; bands: string[] };
}

export interface DuplicateDetector {
  /** Signature for a text (undefined when near-duplicate detection is off). */
  sign(text: string): { values: Uint32Array; bands: string[] } | undefined;
  /** The document this one duplicates, if any (never itself). */
  check(options: { tenant: string; doc: PendingDoc; pending: PendingDoc[] }): Promise<DuplicateCheck | undefined>;
  /** Record a finding; returns the action taken under the policy. */
  record(doc: PendingDoc, found: DuplicateCheck): 'skipped' | 'kept';
  groups(): DuplicateGroup[];
}

export function createDuplicateDetector({ store, options = {} }: { store: Store; options?: DedupOptions }): DuplicateDetector {
  const { policy = 'report', threshold = 0.85, near = true } = options;
  const groups = new Map<string, DuplicateGroup>();

  return {
    sign(text) {
      if (!near) return undefined;
      const values = minhashSignature(text);
      return { values, bands: lshBands(values) };
    },

    async check({ tenant, doc, pending }) {
      const exactPending = pending.find((p) => p.id !== doc.id && p.contentHash === doc.contentHash);
      if (exactPending) return { kind: 'exact', canonical: exactPending.id, similarity: 1 };
      const exactStored = (await store.findByContentHash({ tenant, contentHash: doc.contentHash })).find((d) => d.id !== doc.id);
      if (exactStored) return { kind: 'exact', canonical: exactStored.id, similarity: 1 };
      if (!doc.signature) return undefined;
      let best: DuplicateCheck | undefined;
      const consider = (id: string, signature: Uint32Array): void => {
        if (id === doc.id) return;
        const similarity = estimateJaccard(doc.signature!.values, signature);
        if (similarity >= threshold && (!best || similarity > best.similarity)) best = { kind: 'near', canonical: id, similarity };
      };
      for (const p of pending) {
        if (p.signature && p.signature.bands.some((b) => doc.signature!.bands.includes(b))) consider(p.id, p.signature.values);
      }
      for (const c of await store.findBySignatureBands({ tenant, bands: doc.signature.bands })) consider(c.id, c.signature);
      return best;
    },

    record(doc, found) {
      const action = policy === 'skip' ? 'skipped' : 'kept';
      const key = `${found.kind}:${found.canonical}`;
      const group = groups.get(key) ?? { kind: found.kind, canonical: found.canonical, duplicates: [], similarity: found.similarity, action };
      group.duplicates.push(doc.id);
      group.similarity = Math.min(group.similarity, found.similarity);
      groups.set(key, group);
      return action;
    },

    groups: () => [...groups.values()],
  };
}
