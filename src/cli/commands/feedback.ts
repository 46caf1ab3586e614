import { defineCommand } from 'citty';
import { addFeedback } from '../../monitor/index.js';
import { FathomError } from '../../util/errors.js';
import { commonArgs } from '../common-args.js';
import { cliContext, withStore } from '../context.js';
import { emit } from '../io.js';
import { repeated } from '../repeated.js';

export const feedbackCommand = defineCommand({
  meta: { name: 'feedback', description: 'Record feedback on an answered query (thumbs, a corrected answer, a note), stored with its audit entry' },
  args: {
    ...commonArgs,
    id: { type: 'positional', description: 'Audit entry id (from `fathom log list` or the answer\'s logId)', required: true },
    up: { type: 'boolean', description: 'Thumbs up' },
    down: { type: 'boolean', description: 'Thumbs down' },
    correct: { type: 'string', description: 'The right answer (becomes a golden item and training data once reviewed)', valueHint: 'text' },
    note: { type: 'string', description: 'Free-text note', valueHint: 'text' },
    source: { type: 'string', description: 'A document id that should have been cited (repeatable)', valueHint: 'id' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const a = ctx.args;
    if (a.up && a.down) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'Give either --up or --down, not both.' });
    const sources = repeated(ctx.rawArgs, 'source');
    const entry = await withStore(c, (store) => addFeedback({
      store, tenant: c.tenant, id: String(a.id),
      feedback: { ...(a.up ? { rating: 'up' as const } : a.down ? { rating: 'down' as const } : {}), ...(a.correct !== undefined ? { correction: String(a.correct) } : {}), ...(a.note !== undefined ? { note: String(a.note) } : {}), ...(sources?.length ? { sources } : {}) },
    }), { needsDocuments: false });
    const given = entry.feedback!.at(-1)!;
    emit(c.io, c.json, { id: entry.id, feedback: given, count: entry.feedback!.length }, () =>
      `Recorded feedback on ${entry.id}${given.rating ? ` (${given.rating})` : ''}${given.correction ? ' with a correction' : ''}. It now has ${entry.feedback!.length} feedback record(s).${given.correction ? '\nnext: fathom golden from-feedback --out review.jsonl' : ''}`);
    return 0;
  },
});
