/** Process entry of the unbundled CLI (dist/cli/run.js, or src through tsx): see run-process.ts. */
import { runProcess } from './run-process.js';

await runProcess(process.argv.slice(2));
