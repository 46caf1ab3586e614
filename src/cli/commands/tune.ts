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
  build: () => import('./tune/build.js').then((m) => m.buildCommand),
  start: () => import('./tune/start.js').then((m) => m.startCommand),
  status: () => import('./tune/status.js').then((m) => m.statusCommand),
  cancel: () => import('./tune/cancel.js').then((m) => m.cancelCommand),
  export: () => import('./tune/export.js').then((m) => m.exportCommand),
  register: () => import('./tune/register.js').then((m) => m.registerCommand),
  gate: () => import('./tune/gate.js').then((m) => m.gateCommand),
};

export const tuneCommand = defineCommand({
  meta: { name: 'tune', description: 'Fine-tuning: data lint, convert, split, dedupe, cost; build sets from evidence; start, status, cancel, export, register; gate' },
  subCommands: tuneSubCommands,
});
