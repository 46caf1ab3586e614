import { dirname, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { writeGoldenSet } from '../../../evaluate/golden/write-golden-set.js';
import { acceptGoldenItems, lineageOfLines, readReviewFile, recordLineage } from '../../../lineage/index.js';
import { commonArgs } from '../../common-args.js';
import { cliContext } from '../../context.js';
import { emit } from '../../io.js';

export const acceptCommand = defineCommand({
  meta: { name: 'accept', description: 'Write the accepted lines of a feedback review file as golden items (with their lineage)' },
  args: {
    ...commonArgs,
    review: { type: 'positional', description: 'Review file from `fathom golden from-feedback`', required: true },
    out: { type: 'string', description: 'Golden set to write (JSONL)', required: true, valueHint: 'golden.jsonl' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const review = readReviewFile(resolve(c.io.cwd, String(ctx.args.review)));
    const out = resolve(c.io.cwd, String(ctx.args.out));
    const items = acceptGoldenItems(review.accepted);
    await writeGoldenSet({ path: out, items });
    recordLineage({ dataDir: dirname(c.storePath), records: lineageOfLines({ tenant: c.tenant, kind: 'golden-item', path: out, at: Date.now(), lines: items.map((i) => JSON.stringify(i)), sources: review.accepted }) });
    emit(c.io, c.json, { out, items: items.length, rejected: review.rejected, pending: review.pending }, () =>
      `Wrote ${items.length} golden item(s) to ${out} (${review.rejected} rejected, ${review.pending} not reviewed yet).${items.length ? `\nnext: fathom eval run ${String(ctx.args.out)}` : ''}`);
    return 0;
  },
});
