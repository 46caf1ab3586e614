import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { decide, diagnose } from '../../decide/index.js';
import { renderReport } from '../../report/index.js';
import type { ReportFormat } from '../../report/index.js';
import type { Questionnaire } from '../../spec/decision.js';
import { FathomError } from '../../util/errors.js';
import { commonArgs } from '../common-args.js';
import { cliContext } from '../context.js';
import { readEvalRun } from '../read-eval-run.js';

const formats: Record<string, ReportFormat> = { html: 'html', md: 'markdown', markdown: 'markdown', json: 'json' };

export const reportCommand = defineCommand({
  meta: { name: 'report', description: 'Render an evaluation run with its diagnosis as one self-contained HTML page, Markdown or JSON' },
  args: {
    ...commonArgs,
    run: { type: 'positional', required: false, description: 'Run file (default: the newest .fathom/runs/eval-*.json)' },
    format: { type: 'string', schema: { enum: ['html', 'md', 'markdown', 'json'] }, description: 'html | md | json (default: from --out, else html)', valueHint: 'format' },
    out: { type: 'string', description: 'Write to this file instead of standard output', valueHint: 'file' },
    answers: { type: 'string', description: 'Questionnaire answers (JSON, see `fathom decide`): adds the decision and cost chart', valueHint: 'file' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const a = ctx.args;
    const name = (a.format as string | undefined) ?? (a.out ? extname(String(a.out)).slice(1) : 'html');
    const format = formats[name.toLowerCase()];
    if (!format) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--format must be html, md or json, got "${name}".` });
    const { run } = readEvalRun(c, a.run as string | undefined);
    const diagnosis = diagnose({ run });
    let decision;
    if (a.answers) {
      const file = resolve(c.io.cwd, String(a.answers));
      let answers: Partial<Questionnaire>;
      try {
        answers = JSON.parse(readFileSync(file, 'utf8')) as Partial<Questionnaire>;
      } catch (error) {
        throw new FathomError({ code: 'FILE_MALFORMED', message: `Cannot read answers from ${file} (${(error as Error).message}): pass a JSON object such as {"knowledgeChanges":"weekly"}.` });
      }
      decision = decide({ diagnosis, run, answers });
    }
    const text = renderReport({ run, diagnosis, decision, format });
    if (a.out) {
      const out = resolve(c.io.cwd, String(a.out));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, text);
      c.io.out(c.json ? `${JSON.stringify({ out, format, run: run.id })}\n` : `Wrote ${format} report of ${run.id} to ${out}\n`);
    } else c.io.out(text);
    return 0;
  },
});
