import { defineCommand } from 'citty';
import type { CommandContext, CommandDef } from 'citty';
import type { CliIO } from '../io.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commands have differing args types
type AnyCommand = CommandDef<any>;

/**
 * citty 0.2 runs a nested subcommand without the parent's `data` (our CliIO) and drops its result
 * (our exit code). `tune` bridges both: `setup` keeps the IO for the subcommand, and `run` (called by
 * citty after the subcommand) returns the subcommand's exit code. One invocation at a time per process.
 */
const session: { io?: CliIO; code?: number } = {};

function bridged(load: () => Promise<AnyCommand>): () => Promise<AnyCommand> {
  return async () => {
    const cmd = await load();
    return {
      ...cmd,
      async run(ctx: CommandContext<Record<string, never>>) {
        const code = await cmd.run!({ ...ctx, data: ctx.data ?? session.io });
        session.code = typeof code === 'number' ? code : 0;
        return session.code;
      },
    };
  };
}

/** `fathom tune …` subcommands; each is loaded on demand. */
export const tuneSubCommands: Record<string, () => Promise<AnyCommand>> = {
  lint: bridged(() => import('./tune/lint.js').then((m) => m.lintCommand)),
  convert: bridged(() => import('./tune/convert.js').then((m) => m.convertCommand)),
  split: bridged(() => import('./tune/split.js').then((m) => m.splitCommand)),
  dedupe: bridged(() => import('./tune/dedupe.js').then((m) => m.dedupeCommand)),
  cost: bridged(() => import('./tune/cost.js').then((m) => m.costCommand)),
};

export const tuneCommand = defineCommand({
  meta: { name: 'tune', description: 'Fine-tuning data workbench: lint, convert, split, dedupe, cost' },
  subCommands: tuneSubCommands,
  setup(ctx) {
    session.io = ctx.data as CliIO | undefined;
    session.code = undefined;
  },
  run() {
    const code = session.code;
    session.io = undefined;
    session.code = undefined;
    return code ?? 0;
  },
});
