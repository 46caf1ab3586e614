import { resolve } from 'node:path';
import { defineCommand } from 'citty';
import { FathomError } from '../../../util/errors.js';
import { commonArgs } from '../../common-args.js';
import { cliContext } from '../../context.js';
import { emit } from '../../io.js';
import { rules } from '../../options/option-schema.js';
import { importBeir, importSquad } from '../../../evaluate/importers/index.js';
import { writeGoldenSet } from '../../../evaluate/golden/index.js';

export const importCommand = defineCommand({
  meta: { name: 'import', description: 'Convert BEIR (directory) or SQuAD 2.0 (questions.jsonl) data into a golden set' },
  args: {
    ...commonArgs,
    kind: { type: 'positional', schema: { enum: ['beir', 'squad'] }, description: 'beir | squad', required: true },
    path: { type: 'positional', description: 'BEIR directory or SQuAD questions.jsonl', required: true },
    out: { type: 'string', description: 'Golden set to write', required: true, valueHint: 'path' },
    split: { type: 'string', description: 'BEIR qrels split', default: 'test' },
    'max-answerable': { type: 'string', schema: rules.count, description: 'SQuAD: keep at most N answerable questions' },
    'max-unanswerable': { type: 'string', schema: rules.count, description: 'SQuAD: keep at most N unanswerable questions' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const kind = String(ctx.args.kind);
    const path = resolve(c.io.cwd, String(ctx.args.path));
    const num = (v: unknown) => (v === undefined ? undefined : Number(v));
    const items = kind === 'beir' ? await importBeir({ dir: path, split: String(ctx.args.split) })
      : kind === 'squad' ? await importSquad({ path, maxAnswerable: num(ctx.args['max-answerable']), maxUnanswerable: num(ctx.args['max-unanswerable']) })
      : undefined;
    if (!items) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Unknown import kind "${kind}": use beir or squad.` });
    const out = resolve(c.io.cwd, String(ctx.args.out));
    await writeGoldenSet({ path: out, items });
    emit(c.io, c.json, { out, items: items.length }, () => `wrote ${items.length} items to ${out}`);
    return 0;
  },
});
