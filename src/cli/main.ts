/**
 * The `fathom` command: a thin shell over the library. `runCli` runs it in-process and returns the
 * exit code (tests use it); `bin/fathom.js` calls it with the real process.
 */
import { stripVTControlCharacters } from 'node:util';
import { defineCommand, renderUsage, runCommand } from 'citty';
import type { CommandDef } from 'citty';
import { closestMatch } from '../util/text/closest-match.js';
import { FathomError } from '../util/errors.js';
import { processIO } from './io.js';
import type { CliIO } from './io.js';
import { checkArgs } from './options/check-args.js';
import { toUserError } from './to-user-error.js';

export const version = '0.1.0';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commands have differing args types
type AnyCommand = CommandDef<any>;

const subCommands: Record<string, () => Promise<AnyCommand>> = {
  init: () => import('./commands/init.js').then((m) => m.initCommand),
  ingest: () => import('./commands/ingest.js').then((m) => m.ingestCommand),
  docs: () => import('./commands/docs.js').then((m) => m.docsCommand),
  search: () => import('./commands/search.js').then((m) => m.searchCommand),
  ask: () => import('./commands/ask.js').then((m) => m.askCommand),
  log: () => import('./commands/log.js').then((m) => m.logCommand),
  eval: () => import('./commands/eval.js').then((m) => m.evalCommand),
  tune: () => import('./commands/tune.js').then((m) => m.tuneCommand),
  diagnose: () => import('./commands/diagnose.js').then((m) => m.diagnoseCommand),
  decide: () => import('./commands/decide.js').then((m) => m.decideCommand),
  report: () => import('./commands/report.js').then((m) => m.reportCommand),
  calibrate: () => import('./commands/calibrate.js').then((m) => m.calibrateCommand),
  serve: () => import('./commands/serve.js').then((m) => m.serveCommand),
  keys: () => import('./commands/keys.js').then((m) => m.keysCommand),
  inspect: () => import('./commands/inspect.js').then((m) => m.inspectCommand),
  feedback: () => import('./commands/feedback.js').then((m) => m.feedbackCommand),
  monitor: () => import('./commands/monitor.js').then((m) => m.monitorCommand),
  golden: () => import('./commands/golden.js').then((m) => m.goldenCommand),
  lineage: () => import('./commands/lineage.js').then((m) => m.lineageCommand),
  audit: () => import('./commands/audit.js').then((m) => m.auditCommand),
  models: () => import('./commands/models.js').then((m) => m.modelsCommand),
  store: () => import('./commands/store.js').then((m) => m.storeCommand),
};

/**
 * One line per command for `fathom --help`, so the top-level help imports no command module (start-up time);
 * main-startup.test.ts keeps each equal to the command's own description.
 */
export const commandSummaries: Record<string, string> = {
  init: 'Write fathom.config.json with commented defaults in the current directory',
  ingest: 'Load, clean, dedupe, version, chunk, (embed) and index files and folders',
  docs: 'List, show and delete documents; show or change their access lists',
  search: 'Search the indexed chunks: BM25, vector or hybrid, with optional reranking and MMR',
  ask: 'Answer a question from the documents, with verified citations (or "I don\'t know")',
  log: 'The query audit log: list, show, export, purge',
  eval: 'Evaluate retrieval and answers',
  tune: 'Fine-tuning: data lint, convert, split, dedupe, cost; build sets from evidence; start, status, cancel, export, register; gate',
  diagnose: 'Classify each failed item of an evaluation run and recommend: better prompt, RAG, a retrieval fix, fine-tuning or the hybrid',
  decide: 'Combine the diagnosis of a run with your answers (knowledge changes, citations, latency, privacy, volume, examples) and a cost model',
  report: 'Render an evaluation run with its diagnosis as one self-contained HTML page, Markdown or JSON',
  calibrate: 'Fit the abstention threshold (and, with enough items, the sufficiency weights) on your answerable and unanswerable golden items; print the precision/recall curve; write the result to the config',
  serve: 'Run the HTTP API (search, ask, documents, ingest jobs, audit log, OpenAI-compatible /v1/chat/completions)',
  keys: 'API keys of `fathom serve`: create, list, revoke',
  inspect: 'Show the extracted text, chunks (heading paths, tokens) and warnings of a file, without ingesting it',
  feedback: 'Record feedback on an answered query (thumbs, a corrected answer, a note), stored with its audit entry',
  monitor: 'Continuous evaluation: score sampled answers from the audit log (score) and check drift against a baseline (check)',
  golden: 'Golden items from production feedback: propose them into a review file (from-feedback), keep the accepted lines (accept)',
  lineage: 'Everything derived from a document: audit entries, online scores, feedback, golden items and training examples',
  audit: 'Data-readiness audit of the stored corpus: stale, duplicates, conflicting numbers or dates, no owner, never retrieved, extraction warnings, empty or oversized',
  models: 'Local models: pull (with checksum check), list, rm; cached outside node_modules',
  store: 'Store administration: migrate between SQLite and PostgreSQL',
};

export const mainCommand = defineCommand({
  meta: { name: 'fathom', version, description: 'Ground an LLM in your documents, tune its behaviour, measure both, decide which a failure needs.' },
  subCommands,
});

/**
 * Find the deepest command named by the leading words of `rawArgs`. citty's own descent drops `data` and
 * the return value of subcommands, so `runCli` resolves the chain itself and runs the leaf.
 */
async function resolveCommand(rawArgs: string[]): Promise<{ cmd: AnyCommand; parent?: AnyCommand; rest: string[]; path: string[] }> {
  let cmd: AnyCommand = mainCommand;
  let parent: AnyCommand | undefined;
  let i = 0;
  for (; i < rawArgs.length; i++) {
    const arg = rawArgs[i]!;
    if (arg.startsWith('-')) break;
    const subs = typeof cmd.subCommands === 'function' ? await cmd.subCommands() : await cmd.subCommands;
    if (!subs) break;
    const next = subs[arg];
    if (!next) {
      const near = closestMatch(arg, Object.keys(subs));
      const where = ['fathom', ...rawArgs.slice(0, i)].join(' ');
      throw new FathomError({
        code: 'INVALID_ARGUMENT',
        message: `Unknown command "${[...rawArgs.slice(0, i), arg].join(' ').slice(0, 200)}"${near ? ` — did you mean \`${where} ${near}\`?` : '.'} Commands: ${Object.keys(subs).join(', ')}. See \`${where} --help\`.`,
        details: { command: arg.slice(0, 200), suggestion: near },
      });
    }
    parent = cmd;
    cmd = typeof next === 'function' ? await (next as () => Promise<AnyCommand>)() : await next;
  }
  return { cmd, parent, rest: rawArgs.slice(i), path: rawArgs.slice(0, i) };
}

/** Run the CLI with `rawArgs`; returns the exit code. Errors are printed, never thrown. */
export async function runCli(rawArgs: string[], io: CliIO = processIO()): Promise<number> {
  if (rawArgs[0] === '--version' || rawArgs[0] === '-v') {
    io.out(`${version}\n`);
    return 0;
  }
  try {
    const { cmd, parent, rest, path } = await resolveCommand(rawArgs);
    const hasSubs = Boolean(cmd.subCommands);
    const args = typeof cmd.args === 'function' ? await cmd.args() : await cmd.args;
    const help = rest.includes('--help') || rest.includes('-h');
    // A command group (`fathom`, `fathom docs`) prints its usage, but a flag it does not know is still an error.
    if (hasSubs && !cmd.run && !help) checkArgs(args ?? {}, rest, path.join(' ') || '');
    if (help || (hasSubs && !cmd.run)) {
      const usage = await renderUsage(cmd === mainCommand ? _mainHelp() : cmd, parent);
      io.out(`${io.isTTY ? usage : stripVTControlCharacters(usage)}\n`);
      return 0;
    }
    checkArgs(args ?? {}, rest, path.join(' '));
    const { result } = await runCommand(cmd, { rawArgs: rest, data: io });
    return typeof result === 'number' ? result : 0;
  } catch (error) {
    const fe = toUserError(error);
    if (rawArgs.includes('--json')) io.out(`${JSON.stringify(fe.toJSON(), null, 2)}\n`);
    if (fe.code === 'INTERNAL') {
      io.err(`error [INTERNAL]: fathom failed unexpectedly (${_oneLine(fe.message)}). This is a bug: please report it with the command you ran${io.env.FATHOM_DEBUG ? '' : ' (set FATHOM_DEBUG=1 to print the stack)'}.\n`);
      if (io.env.FATHOM_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    } else io.err(`error [${fe.code}]: ${fe.message}\n`);
    return fe.exitCode;
  }
}

/** The main command with summary-only subcommands: rendering its usage imports nothing. */
function _mainHelp(): AnyCommand {
  const stubs = Object.fromEntries(Object.entries(commandSummaries).map(([name, description]) => [name, { meta: { name, description } }]));
  return { ...mainCommand, subCommands: stubs };
}

function _oneLine(message: string): string {
  const line = message.split('\n')[0]!;
  return line.length > 200 ? `${line.slice(0, 197)}…` : line;
}
