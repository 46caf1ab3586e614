import type { TuneBackend, TuneEvent, TuneJob } from '../../spec/tune-backend.js';
import { FathomError } from '../../util/errors.js';

/** Options of {@link followJob}. */
export interface FollowJobOptions {
  backend: TuneBackend;
  jobId: string;
  /** Called once per new event, oldest first. */
  onEvent?: (event: TuneEvent) => void;
  /** Called after every poll with the job as last reported. */
  onStatus?: (job: TuneJob) => void;
  /** Delay between polls. @default 10000 */
  pollMs?: number;
  /** Stops following (the job keeps running at the provider); the call fails with INTERRUPTED. */
  signal?: AbortSignal;
  /** Test seam: a fake sleep. */
  _internal?: { sleep?: (ms: number, signal?: AbortSignal) => Promise<void> };
}

/** What {@link followJob} returns once the job has succeeded. */
export interface FollowJobResult {
  job: TuneJob;
  /** The resulting model id (`fine_tuned_model`), ready to use as a chat model id. */
  fineTunedModel: string;
  /** Every event delivered, oldest first. */
  events: TuneEvent[];
}

const terminal = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * Polls a job until it reaches a terminal status, delivering its events in order. Resolves with the resulting
 * model id on success; throws TUNE_JOB_FAILED (carrying the provider's message) on failure and
 * TUNE_JOB_CANCELLED on cancellation.
 */
export async function followJob({ backend, jobId, onEvent, onStatus, pollMs = 10_000, signal, _internal: { sleep = _sleep } = {} }: FollowJobOptions): Promise<FollowJobResult> {
  const seen = new Set<string>();
  const delivered: TuneEvent[] = [];
  let lastId: string | undefined;
  for (;;) {
    _throwIfAborted(signal, jobId);
    const job = await backend.doGetJob({ jobId, abortSignal: signal });
    const fresh = backend.capabilities.supportsEvents ? await _newEvents(backend, jobId, seen, lastId, signal) : (job.events ?? []).filter((e) => !seen.has(e.id));
    fresh.sort((a, b) => a.createdAt - b.createdAt);
    for (const event of fresh) {
      seen.add(event.id);
      delivered.push(event);
      lastId = event.id;
      onEvent?.(event);
    }
    onStatus?.(job);
    if (terminal.has(job.status)) return _finish(job, delivered, backend.provider);
    await sleep(pollMs, signal);
  }
}

/** Unseen events: newest-first providers are paged until a seen id; oldest-first ones from the last id on. */
async function _newEvents(backend: TuneBackend, jobId: string, seen: Set<string>, lastId: string | undefined, signal?: AbortSignal): Promise<TuneEvent[]> {
  const newestFirst = backend.capabilities.eventsOrder === 'newest-first';
  const out: TuneEvent[] = [];
  let after = newestFirst ? undefined : lastId;
  for (let page = 0; page < 1000; page++) {
    const { events, hasMore } = await backend.doListEvents({ jobId, after, abortSignal: signal });
    let reachedSeen = false;
    for (const event of events) {
      if (seen.has(event.id)) {
        reachedSeen = newestFirst;
        if (reachedSeen) break;
        continue;
      }
      out.push(event);
    }
    if (reachedSeen || !hasMore || events.length === 0) break;
    after = events.at(-1)!.id;
  }
  return newestFirst ? out.reverse() : out;
}

function _finish(job: TuneJob, events: TuneEvent[], provider: string): FollowJobResult {
  const details = { provider, jobId: job.id, providerStatus: job.providerStatus };
  if (job.status === 'failed') {
    const message = job.error?.message ?? 'no message';
    throw new FathomError({ code: 'TUNE_JOB_FAILED', message: `Fine-tuning job ${job.id} failed at ${provider}: ${message}`, details: { ...details, providerMessage: message, providerCode: job.error?.code, param: job.error?.param } });
  }
  if (job.status === 'cancelled') throw new FathomError({ code: 'TUNE_JOB_CANCELLED', message: `Fine-tuning job ${job.id} was cancelled at ${provider}; create a new job to train again.`, details });
  if (!job.fineTunedModel) throw new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `Fine-tuning job ${job.id} succeeded at ${provider} but reported no resulting model id.`, details });
  return { job, fineTunedModel: job.fineTunedModel, events };
}

function _throwIfAborted(signal: AbortSignal | undefined, jobId: string): void {
  if (signal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: `Stopped following job ${jobId}; it keeps running at the provider (cancel it with doCancel).`, details: { jobId } });
}

function _sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
