import { defineCommand } from 'citty';
import type { TuneDataWarning } from '../../../spec/tune-data.js';
import { FathomError } from '../../../util/errors.js';
import { convertExample } from '../../../tune/formats/index.js';
import { commonArgs } from '../../common-args.js';
import { emit } from '../../io.js';
import { parseFormat, readAll, tuneContext, writeJsonl } from './_shared.js';

export const convertCommand = defineCommand({
  meta: { name: 'convert', description: 'Convert between chat, ShareGPT and Alpaca (DPO pairs → chat of the chosen answer)' },
  args: {
    ...commonArgs,
    file: { type: 'positional', description: 'Input JSONL file', required: true },
    to: { type: 'string', schema: { enum: ['chat', 'sharegpt', 'alpaca'] }, description: 'chat | sharegpt | alpaca', required: true },
    from: { type: 'string', schema: { enum: ['chat', 'sharegpt', 'alpaca', 'dpo'] }, description: 'Input format (default: detected)' },
    out: { type: 'string', description: 'Output file (default: standard output)', valueHint: 'file' },
  },
  async run(ctx) {
    const c = tuneContext(ctx);
    const to = parseFormat(ctx.args.to, 'to')!;
    const { examples, lines, format, errors } = await readAll(c.path(String(ctx.args.file)), parseFormat(ctx.args.from, 'from'));
    if (!format) throw new FathomError({ code: 'FILE_EMPTY', message: `No valid records in ${String(ctx.args.file)}; run \`fathom tune lint\` to see why.` });
    const warnings: TuneDataWarning[] = [];
    const out = examples.map((example, i) => {
      const r = convertExample({ example, from: format, to });
      warnings.push(...r.warnings.map((w) => ({ ...w, line: lines[i] })));
      return r.example;
    });
    const summary = { from: format, to, converted: out.length, skipped: errors, warnings };
    if (ctx.args.out) await writeJsonl(c.path(String(ctx.args.out)), out);
    else if (!c.json) c.io.out(out.map((r) => `${JSON.stringify(r)}\n`).join(''));
    const counts = new Map<string, number>();
    for (const w of warnings) counts.set(w.message, (counts.get(w.message) ?? 0) + 1);
    const report = [`converted ${out.length} ${format} → ${to}${ctx.args.out ? ` into ${String(ctx.args.out)}` : ''}`,
      ...[...counts].map(([m, n]) => `  warning (${n}×): ${m}`),
      ...errors.slice(0, 10).map((e) => `  skipped line ${e.line}: ${e.error}`)].join('\n');
    if (c.json) emit(c.io, true, ctx.args.out ? summary : { ...summary, examples: out }, () => '');
    else if (ctx.args.out) c.io.out(`${report}\n`);
    else c.io.err(`${report}\n`);
    return errors.length > 0 ? 1 : 0;
  },
});
