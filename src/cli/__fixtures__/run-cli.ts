/** Runs the CLI in-process with a capturing IO, for tests. */
import type { CliIO } from '../io.js';
import { runCli } from '../main.js';

export interface CapturedRun {
  code: number;
  out: string;
  err: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests index into arbitrary JSON output
  json: () => any;
}

export async function runCliCaptured({ cwd, args, env = {} }: { cwd: string; args: string[]; env?: Record<string, string> }): Promise<CapturedRun> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), cwd, env, isTTY: false };
  const code = await runCli(args, io);
  return { code, out, err, json: () => JSON.parse(out) };
}
