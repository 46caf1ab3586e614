/**
 * The `fathom` command: a thin shell over the library. `runCli` runs it in-process and returns the
 * exit code (tests use it); `bin/fathom.js` calls it with the real process.
 */
import { defineCommand, runCommand, renderUsage } from 'citty';
import type { CommandDef } from 'citty';
import { FathomError, toFathomError } from '../util/errors.js';
import { processIO } from './io.js';
import type { CliIO } from './io.js';

export const version = '0.1.0';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commands have differing args types
type AnyCommand = CommandDef<any>;

const subCommands: Record<string, () => Promise<AnyCommand>> = {
  init: () => import('./commands/init.js').then((m) => m.initCommand),
  ingest: () => import('./commands/ingest.js').then((m) => m.ingestCommand),
  docs: () => import('./commands/docs.js').then((m) => m.docsCommand),
  search: () => import('./commands/search.js').then((m) => m.searchCommand),
  eval: () => import('./commands/eval.js').then((m) => m.evalCommand),
  tune: () => import('./commands/tune.js').then((m) => m.tuneCommand),
};

export const mainCommand = defineCommand({
  meta: { name: 'fathom', version, description: 'Ground an LLM in your documents, tune its behaviour, measure both, decide which a failure needs.' },
  subCommands,
});

/** Find the deepest command named by `rawArgs`, for `--help`. */
async function resolveCommand(rawArgs: string[]): Promise<{ cmd: AnyCommand; parent?: AnyCommand }> {
  let cmd: AnyCommand = mainCommand;
  let parent: AnyCommand | undefined;
  for (const arg of rawArgs) {
    if (arg.startsWith('-')) break;
    const subs = typeof cmd.subCommands === 'function' ? await cmd.subCommands() : await cmd.subCommands;
    const next = subs?.[arg];
    if (!next) break;
    parent = cmd;
    cmd = typeof next === 'function' ? await (next as () => Promise<AnyCommand>)() : await next;
  }
  return { cmd, parent };
}

/** Run the CLI with `rawArgs`; returns the exit code. Errors are printed, never thrown. */
export async function runCli(rawArgs: string[], io: CliIO = processIO()): Promise<number> {
  if (rawArgs.length === 0 || rawArgs.includes('--help') || rawArgs.includes('-h')) {
    const { cmd, parent } = await resolveCommand(rawArgs);
    io.out(`${await renderUsage(cmd, parent)}\n`);
    return 0;
  }
  if (rawArgs[0] === '--version' || rawArgs[0] === '-v') {
    io.out(`${version}\n`);
    return 0;
  }
  try {
    const { result } = await runCommand(mainCommand, { rawArgs, data: io });
    return typeof result === 'number' ? result : 0;
  } catch (error) {
    const fe = toFathomError(error, isCittyUsageError(error) ? 'INVALID_ARGUMENT' : 'INTERNAL');
    if (rawArgs.includes('--json')) io.out(`${JSON.stringify(fe.toJSON(), null, 2)}\n`);
    io.err(`error [${fe.code}]: ${fe.message}\n`);
    if (fe.code === 'INTERNAL' && !FathomError.isInstance(error) && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return fe.exitCode;
  }
}

function isCittyUsageError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'CLIError' || /Unknown command|Missing required|Invalid value/i.test(error.message));
}
