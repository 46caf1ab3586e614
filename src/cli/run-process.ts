/**
 * The process side of the CLI: wires signals and broken pipes, runs `runCli` with the real process, sets the exit
 * code. `run.ts` (the unbundled entry) calls it; it is also the entry of the bundle (scripts/build-bundle.mjs).
 */
import { runCli } from './main.js';
import { processIO } from './io.js';

export async function runProcess(argv: string[]): Promise<void> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (): void => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  // A reader that closes early (`fathom docs show x | head`) is not an error: stop quietly, exit 0.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }

  process.exitCode = await runCli(argv, processIO(controller.signal));
}
