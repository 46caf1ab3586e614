import type { IngestProgress } from '../spec/ingest.js';
import type { CliIO } from './io.js';

/** Progress on stderr: a live line on a terminal, JSON lines with `--progress json`, else nothing. */
export function progressRenderer(io: CliIO, mode: string): { update: (p: IngestProgress) => void; done: () => void } {
  const live = mode === 'auto' ? io.isTTY : false;
  let drawn = false;
  return {
    update(p) {
      if (mode === 'json') io.err(`${JSON.stringify({ progress: p })}\n`);
      else if (live) {
        const eta = p.etaMs === undefined ? '' : `, ETA ${Math.ceil(p.etaMs / 1000)}s`;
        const line = `${p.phase}: ${p.files} files, ${p.documents} docs, ${p.chunks} chunks, ${p.skipped} skipped — ${p.docsPerSecond.toFixed(0)} docs/s, ${p.chunksPerSecond.toFixed(0)} chunks/s${eta}`;
        io.err(`\r\x1b[2K${line}`);
        drawn = true;
      }
    },
    done() {
      if (drawn) io.err('\n');
    },
  };
}
