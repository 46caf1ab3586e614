import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'fathom.js');

/** A real `fathom serve` process: its logs (stdout + stderr) so far, its exit code, and its URL once it listens. */
export interface ServeProcess {
  child: ChildProcess;
  logs: () => string;
  exited: Promise<number | null>;
  /** The loopback URL from the "listening" log line; rejects if the process exits first or after 60 s. */
  url: Promise<string>;
}

/** Starts `fathom serve --port 0 --log-level info …args` in `cwd` (with `env` added to this process's environment). */
export function spawnServe({ cwd, args = [], env }: { cwd: string; args?: string[]; env?: Record<string, string> }): ServeProcess {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--log-level', 'info', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env: { ...process.env, ...env } } : {}) });
  let logs = '';
  child.stdout!.on('data', (d: Buffer) => void (logs += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (logs += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line: ${logs}`)), 60_000);
    child.stdout!.on('data', () => {
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(logs);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${logs}`));
    });
  });
  url.catch(() => {}); // the caller awaits it; a later exit must not be an unhandled rejection
  return { child, logs: () => logs, exited, url };
}
