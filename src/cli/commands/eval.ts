import { defineCommand } from 'citty';
import type { CommandDef } from 'citty';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commands have differing args types
type AnyCommand = CommandDef<any>;

/** `fathom eval …` subcommands, one file each (like `tune`); each is loaded on demand. */
export const evalSubCommands: Record<string, () => Promise<AnyCommand>> = {
  beir: () => import('./eval/beir.js').then((m) => m.beirCommand),
  run: () => import('./eval/run.js').then((m) => m.runCommand),
  compare: () => import('./eval/compare.js').then((m) => m.compareCommand),
  validate: () => import('./eval/validate.js').then((m) => m.validateCommand),
  import: () => import('./eval/import.js').then((m) => m.importCommand),
  generate: () => import('./eval/generate.js').then((m) => m.generateCommand),
};

export const evalCommand = defineCommand({
  meta: { name: 'eval', description: 'Evaluate retrieval and answers' },
  subCommands: evalSubCommands,
});
