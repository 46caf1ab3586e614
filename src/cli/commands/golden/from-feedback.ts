import { dirname, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { proposeGoldenFromFeedback, recordLineage, writeReviewFile } from '../../../lineage/index.js';
import { commonArgs } from '../../common-args.js';
import { cliContext, withStore } from '../../context.js';
import { emit } from '../../io.js';
import { _parseSince } from '../log.js';

export const fromFeedbackCommand = defineCommand({
  meta: { name: 'from-feedback', description: 'Propose golden items from feedback (question, corrected answer, sources) into a review file you accept line by line' },
  args: {
    ...commonArgs,
    out: { type: 'string', description: 'Review file to write (JSONL: set each line\'s "accept" to true or false)', required: true, valueHint: 'review.jsonl' },
    since: { type: 'string', description: 'Only feedback on queries since a date or an age (7d)', valueHint: 'when' },
    'include-up': { type: 'boolean', description: 'Also propose thumbs-up answers as they were given' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const out = resolve(c.io.cwd, String(ctx.args.out));
    const since = _parseSince(ctx.args.since as string | undefined, Date.now());
    const proposals = await withStore(c, (store) => proposeGoldenFromFeedback({ store, tenant: c.tenant, since, includeUp: Boolean(ctx.args['include-up']) }), { needsDocuments: false });
    const records = writeReviewFile({ path: out, tenant: c.tenant, proposals, at: Date.now() });
    recordLineage({ dataDir: dirname(c.storePath), records });
    emit(c.io, c.json, { out, proposals: proposals.length }, () => proposals.length
      ? `Wrote ${proposals.length} proposal(s) to ${out}.\nSet "accept" to true or false on each line, then: fathom golden accept ${String(ctx.args.out)} --out golden.jsonl`
      : 'No feedback with a correction to propose (give some with `fathom feedback <log-id> --correct "…"`).');
    return 0;
  },
});
