import type { IngestProgress } from '../spec/ingest.js';

/** Counts and throttled progress events of an ingest run. */
export class ProgressMeter {
  files = 0;
  documents = 0;
  chunks = 0;
  skipped = 0;
  embeddings = 0;
  totalFiles?: number;
  private last = 0;

  constructor(
    private readonly now: () => number,
    private readonly startedAt: number,
    private readonly intervalMs: number,
    private readonly listener?: (p: IngestProgress) => void,
  ) {}

  snapshot(phase: IngestProgress['phase']): IngestProgress {
    const elapsedMs = Math.max(1, this.now() - this.startedAt);
    const seconds = elapsedMs / 1000;
    const done = this.documents + this.skipped;
    const etaMs = this.totalFiles && done > 0 ? Math.max(0, ((this.totalFiles - this.files) * elapsedMs) / Math.max(1, this.files)) : undefined;
    return {
      phase,
      files: this.files,
      documents: this.documents,
      chunks: this.chunks,
      skipped: this.skipped,
      embeddings: this.embeddings,
      elapsedMs,
      docsPerSecond: this.documents / seconds,
      chunksPerSecond: this.chunks / seconds,
      ...(etaMs === undefined ? {} : { etaMs }),
      ...(this.totalFiles === undefined ? {} : { totalFiles: this.totalFiles }),
    };
  }

  tick(phase: IngestProgress['phase'], force = false): void {
    if (!this.listener) return;
    const t = this.now();
    if (!force && t - this.last < this.intervalMs) return;
    this.last = t;
    this.listener(this.snapshot(phase));
  }
}
