/** Process entry: wires signals, runs the CLI, exits with its code. */
import { runCli } from './main.js';
import { processIO } from './io.js';

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

const code = await runCli(process.argv.slice(2), processIO(controller.signal));
process.exitCode = code;
