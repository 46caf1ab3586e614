import type { ServerJob } from '../../spec/server.js';

/** A job as the API shows it (the owner's heartbeat is internal). */
export function publicJob(job: ServerJob): Omit<ServerJob, 'heartbeatAt'> {
  const { heartbeatAt: _h, ...rest } = job;
  return rest;
}
