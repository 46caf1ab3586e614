/** The lineage part of a `docs delete` receipt: derived items listed, or removed with `--purge`. */
import type { DeletionReceipt } from '../../spec/store.js';
import type { reachDerived } from '../../lineage/index.js';

export function withDerived(receipt: DeletionReceipt, d: ReturnType<typeof reachDerived>): DeletionReceipt {
  const purged = new Set(d.derived.filter((x) => x.purged).map((x) => x.path));
  return {
    ...receipt, places: [...receipt.places, ...d.places], derived: d.derived,
    // A golden set whose derived items were purged no longer holds them.
    notManaged: receipt.notManaged.filter((n) => !purged.has(n.path)),
  };
}

export function formatDerived(receipt: DeletionReceipt): string {
  const kept = (receipt.derived ?? []).filter((d) => !d.purged);
  if (!kept.length) return '';
  return `\nDerived from these documents (remove them with --purge):\n${kept.map((d) => `  ${d.kind.padEnd(17)} ${d.count}  ${d.path}`).join('\n')}`;
}
