import { defineCommand } from 'citty';
import type { CommandDef } from 'citty';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commands have differing args types
type AnyCommand = CommandDef<any>;

/** `fathom tune …` subcommands; each is loaded on demand. Other tune commands (start, export, gate…) join this record. */
export const tuneSubCommands: Record<string, () => Promise<AnyCommand>> = {
  lint: () => import('./tune/lint.js').then((m) => m.lintCommand),
  convert: () => import('./tune/convert.js').then((m) => m.convertCommand),
  split: () => import('./tune/split.js').then((m) => m.splitCommand),
  dedupe: () => import('./tune/dedupe.js').then((m) => m.dedupeCommand),
  cost: () => import('./tune/cost.js').then((m) => m.costCommand),
};

export const tuneCommand = defineCommand({
  meta: { name: 'tune', description: 'Fine-tuning: data lint, convert, split, dedupe, cost' },
  subCommands: tuneSubCommands,
});
