/**
 * Start several real child processes running `concurrent-worker.ts` and release them at the same moment:
 * each prints `ready` once its modules are loaded, then waits for a "go" file the parent writes when all are ready.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const worker = fileURLToPath(new URL('./concurrent-worker.ts', import.meta.url));

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run one worker per argument list, all released together; resolves when every child exited. */
export async function spawnTogether(argLists: string[][], { timeoutMs = 120_000 } = {}): Promise<ChildResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fathom-go-'));
  const go = join(dir, 'go');
  let ready = 0;
  const release = () => {
    if (++ready === argLists.length) writeFileSync(go, '');
  };
  try {
    return await Promise.all(
      argLists.map(
        (args) =>
          new Promise<ChildResult>((resolve) => {
            const child = spawn(process.execPath, ['--import', 'tsx', worker, go, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
            const out: ChildResult = { code: null, stdout: '', stderr: '' };
            let announced = false;
            const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
            child.stdout.on('data', (d: Buffer) => {
              out.stdout += d;
              if (!announced && out.stdout.includes('ready\n')) {
                announced = true;
                release();
              }
            });
            child.stderr.on('data', (d: Buffer) => (out.stderr += d));
            child.on('exit', (code) => {
              clearTimeout(timer);
              if (!announced) release();
              resolve({ ...out, code });
            });
          }),
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
