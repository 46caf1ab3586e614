/**
 * Online scoring as a background job of the server (`monitor.online` in fathom.config.json): at start and then
 * every `intervalMinutes`, a `monitor-score` job per tenant (the store's tenants, else `tenants`), run by the
 * server's job runner like one started through `POST /v1/monitor/score`. A tenant whose previous run is still
 * going is skipped for that tick. Resumable through the scoring cursor kept in the store.
 */
import type { Logger } from 'pino';
import type { Identity, ServerJob } from '../../spec/server.js';
import type { Store } from '../../spec/store.js';
import type { JobRunner } from '../jobs/job-runner.js';

/** `monitor.online`: the sampling rate and how often to score. */
export interface OnlineScoringConfig {
  /** Share of answered queries scored, (0, 1]. */
  rate: number;
  /** Minutes between runs (the first runs at start). */
  intervalMinutes: number;
  /** Tenants to score when the store cannot list its tenants. @default [] */
  tenants?: string[];
}

export interface OnlineScoringSchedule {
  /** Resolves when the current tick has started its jobs (tests). */
  readonly tick: Promise<ServerJob[]>;
  stop(): void;
}

export function scheduleOnlineScoring(options: OnlineScoringConfig & { jobs: JobRunner; store: Store; logger: Logger }): OnlineScoringSchedule {
  const { jobs, store, logger, rate, intervalMinutes } = options;
  const running = new Map<string, string>();
  const run = async (): Promise<ServerJob[]> => {
    const tenants = (await store.listTenants?.()) ?? options.tenants ?? [];
    const started: ServerJob[] = [];
    for (const tenant of tenants) {
      const prev = running.get(tenant);
      if (prev && ['queued', 'running'].includes((await jobs.get({ tenant, id: prev }))?.status ?? '')) continue;
      const identity: Identity = { tenant, principal: 'system:online-scoring', groups: [], role: 'admin', via: 'api-key' };
      const job = await jobs.start({ identity, kind: 'monitor-score', params: { rate } });
      running.set(tenant, job.id);
      started.push(job);
    }
    if (started.length) logger.info({ jobs: started.map((j) => j.id), rate }, 'online scoring started');
    return started;
  };
  const safe = () => run().catch((error: unknown) => {
    logger.error({ err: error }, 'online scoring could not start');
    return [];
  });
  const schedule = {
    tick: safe(),
    stop: () => clearInterval(timer),
  };
  const timer = setInterval(() => void (schedule.tick = safe()), intervalMinutes * 60_000);
  timer.unref();
  return schedule;
}
