import { defineCommand } from 'citty';
import { cancelTuneJob, requireTuneJob } from '../../../tune/jobs/index.js';
import { commonArgs } from '../../common-args.js';
import { cliContext, withStore } from '../../context.js';
import { emit } from '../../io.js';
import { formatJob, tuneBackendFor } from './start.js';

export const cancelCommand = defineCommand({
  meta: { name: 'cancel', description: 'Cancel a running hosted fine-tuning job' },
  args: {
    ...commonArgs,
    id: { type: 'positional', description: 'Job id (fathom tj_… or the provider\'s)', required: true },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    return withStore(c, async (store) => {
      const recorded = await requireTuneJob({ store, tenant: c.tenant, id: String(ctx.args.id) });
      const job = await cancelTuneJob({ store, tenant: c.tenant, backend: tuneBackendFor(c, recorded.backend).backend, id: recorded.id, signal: c.io.signal });
      emit(c.io, c.json, job, () => formatJob(job));
      return 0;
    }, { needsDocuments: false });
  },
});
