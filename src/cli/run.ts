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

const code = await runCli(process.argv.slice(2), processIO(controller.signal));
process.exitCode = code;
