/**
 * The quickstart: ingest the sample knowledge base, search it, update the pricing page, re-ingest
 * (a new version supersedes the old one), and search again. Runs the real CLI in-process on a fresh
 * SQLite store under .fathom/quickstart/.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli } from '../src/cli/main.js';
import { processIO } from '../src/cli/io.js';

const root = resolve(import.meta.dirname, '..');
const work = join(root, '.fathom', 'quickstart');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(join(root, 'examples', 'sample-kb'), join(work, 'kb'), { recursive: true });

const io = { ...processIO(), cwd: work };
const store = ['--store', 'fathom.db'];

async function step(title: string, args: string[]): Promise<void> {
  io.out(`\n\x1b[1m# ${title}\x1b[0m\n$ fathom ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}\n`);
  const code = await runCli([...args, ...store], io);
  if (code !== 0) {
    io.err(`quickstart: "fathom ${args.join(' ')}" exited with ${code}\n`);
    process.exit(code);
  }
}

io.out(`fathom quickstart — working in ${work}\n`);
await step('Ingest the sample knowledge base (md, html, pdf, docx)', ['ingest', 'kb']);
await step('Re-ingest: unchanged content is a no-op', ['ingest', 'kb']);
await step('Search', ['search', 'refund policy for enterprise plans', '-k', '3']);
await step('Search with a filter on document fields', ['search', 'how long are backups retained', '-k', '2', '--filter', 'format=pdf']);

cpSync(join(root, 'examples', 'sample-kb-update', 'pricing.md'), join(work, 'kb', 'pricing.md'));
await step('The pricing page changed: re-ingest creates a new version and supersedes the old one', ['ingest', 'kb']);
await step('Only the current pricing is retrieved', ['search', 'enterprise plan price per seat', '-k', '2', '--explain']);
await step('The old version is kept for audit', ['docs', 'show', 'kb/pricing.md']);
await step('Documents', ['docs', 'list']);
await step('Ask: a cited answer (extractive answerer, no model needed)', ['ask', 'Within how many days can an Enterprise customer get a full refund?']);
await step('Ask: the price comes from the current version of the pricing page ($54, not the superseded $49)', ['ask', 'What does the Enterprise plan cost per seat?']);
await step('Ask: a question the documents cannot answer is declined', ['ask', "What is the CEO's name?"]);
await step('The audit log records every answer', ['log', 'list', '--limit', '3']);
cpSync(join(root, 'examples', 'golden.jsonl'), join(work, 'golden.jsonl'));
await step('Evaluate 20 golden questions with RAG and with the oracle (the "perfect prompt"); closed-book is not measured for the extractive answerer', ['eval', 'run', 'golden.jsonl']);
await step('Diagnose: which failures need retrieval work, which need fine-tuning', ['diagnose']);
await step('A self-contained HTML report with charts', ['report', '--format', 'html', '--out', 'report.html']);
io.out(`\nDone. Open ${join(work, 'report.html')} in a browser, or try: npx fathom ask "<your question>" --store .fathom/quickstart/fathom.db\n`);
