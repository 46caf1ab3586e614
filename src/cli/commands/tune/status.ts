import { defineCommand } from 'citty';
import type { TuneJobRecord } from '../../../spec/tune-job.js';
import { listTuneJobs, refreshTuneJob, requireTuneJob } from '../../../tune/jobs/index.js';
import { commonArgs } from '../../common-args.js';
import { cliContext, withStore } from '../../context.js';
import { emit } from '../../io.js';
import { formatJob, tuneBackendFor } from './start.js';

const running = (j: TuneJobRecord): boolean => j.kind === 'hosted' && !['succeeded', 'failed', 'cancelled'].includes(j.status);

export const statusCommand = defineCommand({
  meta: { name: 'status', description: 'List recorded fine-tuning jobs (or show one), refreshing running ones from their backend' },
  args: {
    ...commonArgs,
    id: { type: 'positional', description: 'Job id (fathom tj_… or the provider\'s)', required: false },
    'no-refresh': { type: 'boolean', description: 'Show what is recorded without asking the backends' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const a = ctx.args;
    return withStore(c, async (store) => {
      const refresh = async (j: TuneJobRecord): Promise<TuneJobRecord> => {
        if (a['no-refresh'] || !running(j)) return j;
        try {
          return await refreshTuneJob({ store, tenant: c.tenant, backend: tuneBackendFor(c, j.backend).backend, id: j.id, signal: c.io.signal });
        } catch (error) {
          c.io.err(`warning: could not refresh ${j.id} from ${j.backend}: ${(error as Error).message}\n`);
          return j;
        }
      };
      if (a.id !== undefined) {
        const job = await refresh(await requireTuneJob({ store, tenant: c.tenant, id: String(a.id) }));
        emit(c.io, c.json, job, () => [
          formatJob(job),
          `data: ${job.data.train.path} (sha256 ${job.data.train.sha256.slice(0, 12)}…)${job.data.validation ? `, validation ${job.data.validation.path}` : ''}`,
          ...(job.hyperparameters ? [`hyperparameters: ${JSON.stringify(job.hyperparameters)}`] : []),
          ...job.artifacts.map((x) => `artifact: ${x.kind} ${x.path ?? x.name ?? ''}`),
          ...job.events.slice(-10).map((e) => `  ${new Date(e.createdAt).toISOString()}  ${e.level.padEnd(5)} ${e.message}`),
        ].join('\n'));
        return 0;
      }
      const jobs: TuneJobRecord[] = [];
      for (const j of await listTuneJobs({ store, tenant: c.tenant })) jobs.push(await refresh(j));
      emit(c.io, c.json, jobs, () => (jobs.length === 0 ? 'No fine-tuning jobs recorded; start one with `fathom tune start` or `fathom tune export`.' : jobs.map(formatJob).join('\n')));
      return 0;
    }, { needsDocuments: false });
  },
});
