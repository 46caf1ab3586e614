/**
 * The parser worker thread: loads one whole file per message with a built-in loader and posts back its
 * events. It runs under `resourceLimits` and is terminated by the pool when a file overruns its budget.
 */
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import type { LoadEvent } from '../../spec/loader.js';
import { fileLoaders } from '../loaders/index.js';
import { skipFromError } from '../loaders/skip-from-error.js';
import type { _ParseJob } from './parse-pool.js';

parentPort!.on('message', (job: _ParseJob) => {
  const startedAt = performance.now();
  // The worker's own clock: the main thread may be busy chunking the previous file when this arrives.
  void _run(job).then((events) => parentPort!.postMessage({ id: job.id, events, loadMs: performance.now() - startedAt }));
});
// Start-up (and, in a checkout, compiling TypeScript) is not charged to the first file's budget.
parentPort!.postMessage({ ready: true });

async function _run(job: _ParseJob): Promise<LoadEvent[]> {
  const loader = fileLoaders.find((l) => l.name === job.loader);
  if (!loader) return [{ type: 'skip', skip: { path: job.relativePath, code: 'INTERNAL', reason: `No built-in loader named '${job.loader}'.` } }];
  const events: LoadEvent[] = [];
  // Child processes (OCR) must end before the pool's timer terminates this thread: they get what is left.
  const deadline = job.timeoutMs !== undefined ? Date.now() + job.timeoutMs : undefined;
  try {
    const bytes = await readFile(job.path);
    const input = { path: job.path, relativePath: job.relativePath, bytes, options: job.options, limits: job.limits, ...(deadline !== undefined ? { deadline } : {}), ...(job.modifiedAt !== undefined ? { modifiedAt: job.modifiedAt } : {}) };
    for await (const event of loader.load(input)) events.push(event);
  } catch (error) {
    events.push({ type: 'skip', skip: skipFromError(error, job.relativePath, loader.name) });
  }
  return events;
}
