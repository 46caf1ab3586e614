import type { DeletionReceipt } from '../spec/store.js';

/** The human rendering of a deletion or purge receipt: every place with its count, the erasure status, what fathom does not manage. */
export function formatReceipt(r: DeletionReceipt, headline: string): string {
  const lines = [headline];
  if (r.missing.length) lines.push(`Not found in tenant ${r.tenant}: ${r.missing.join(', ')}`);
  lines.push(r.places.length ? 'Removed from:' : 'Nothing to remove.');
  for (const p of r.places) lines.push(`  ${p.place.padEnd(13)} ${p.action.padEnd(9)} ${p.what}  ${p.path}`);
  lines.push(`Physical erasure: ${r.erasure.status}${r.erasure.status === 'complete' ? '' : ` — ${r.erasure.message}`}`);
  if (r.notManaged.length) {
    lines.push('Not managed by fathom (may still hold the text):');
    for (const u of r.notManaged) lines.push(`  ${u.kind.padEnd(13)} ${u.path} — ${u.note}`);
  }
  return lines.join('\n');
}
