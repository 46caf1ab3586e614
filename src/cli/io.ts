import { terminalSafe } from './terminal-safe.js';

/**
 * The CLI's window on the world, injected so commands run in-process in tests.
 */
export interface CliIO {
  /** Write to standard output (no newline added). */
  out: (text: string) => void;
  /** Write to standard error (no newline added). */
  err: (text: string) => void;
  /** Working directory that relative paths resolve against. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stderr is an interactive terminal (progress bars only then). */
  isTTY: boolean;
  /** Aborted on Ctrl-C / SIGTERM. */
  signal?: AbortSignal;
}

export function processIO(signal?: AbortSignal): CliIO {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    signal,
  };
}

/** Print `value` as JSON when `json` is set, else the human rendering (control characters escaped: `terminalSafe`). */
export function emit(io: CliIO, json: boolean | undefined, value: unknown, human: () => string): void {
  if (json) io.out(`${JSON.stringify(value, null, 2)}\n`);
  else {
    const text = terminalSafe(human());
    if (text) io.out(text.endsWith('\n') ? text : `${text}\n`);
  }
}
