import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CommandContext } from 'citty';
import { buildFeedbackTraining, lineageOfLines, readReviewFile, recordLineage } from '../../../lineage/index.js';
import { FathomError } from '../../../util/errors.js';
import { cliContext, withStore } from '../../context.js';
import { emit } from '../../io.js';

/** `fathom tune build --from-feedback review.jsonl --kind sft|dpo --out data.jsonl`: training data from accepted corrections. */
export async function buildFromFeedback(ctx: CommandContext<Record<string, never>>): Promise<number> {
  const c = cliContext(ctx);
  const a = ctx.args as Record<string, unknown>;
  const kind = String(a.kind);
  if (kind !== 'sft' && kind !== 'dpo') throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--from-feedback builds --kind sft (corrections as targets) or dpo (corrected vs original answer), not "${kind}".` });
  const review = readReviewFile(resolve(c.io.cwd, String(a['from-feedback'])));
  const built = await withStore(c, (store) => buildFeedbackTraining({ store, tenant: c.tenant, proposals: review.accepted, ...(a['abstention-text'] !== undefined ? { abstentionText: String(a['abstention-text']) } : {}) }), { needsDocuments: false });
  const examples = kind === 'sft' ? built.sft : built.dpo;
  const from = kind === 'sft' ? built.sftFrom : built.dpoFrom;
  const out = resolve(c.io.cwd, String(a.out));
  const lines = examples.map((e) => JSON.stringify(e));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, lines.map((l) => `${l}\n`).join(''));
  // The manifest names where each line came from (ids only, never text).
  const manifest = `${out.replace(/\.jsonl?$/i, '')}.manifest.json`;
  writeFileSync(manifest, `${JSON.stringify({ kind, source: 'feedback', review: String(a['from-feedback']), counts: { examples: examples.length, accepted: review.accepted.length }, lines: from.map((p, i) => ({ index: i, itemId: p.itemId, auditEntry: p.auditEntry, documents: p.documents })), skipped: built.skipped }, null, 2)}\n`);
  recordLineage({ dataDir: dirname(c.storePath), records: lineageOfLines({ tenant: c.tenant, kind: 'training-example', path: out, at: Date.now(), lines, sources: from, suffix: `:${kind}` }) });
  emit(c.io, c.json, { out, manifest, counts: { examples: examples.length }, skipped: built.skipped }, () =>
    [`${examples.length} ${kind} example(s) from ${review.accepted.length} accepted feedback line(s) → ${String(a.out)} (manifest ${manifest})`, ...built.skipped.slice(0, 5).map((s) => `  skipped ${s.itemId}: ${s.reason}`), `next: fathom tune lint ${String(a.out)}`].join('\n'));
  return 0;
}
