import { resolve } from 'node:path';
import { defineCommand } from 'citty';
import { commonArgs } from '../../common-args.js';
import { cliContext } from '../../context.js';
import { emit } from '../../io.js';
import { readGoldenSet } from '../../../evaluate/golden/index.js';

export const validateCommand = defineCommand({
  meta: { name: 'validate', description: 'Check a golden set against schemas/golden-item.schema.json (every error with its line)' },
  args: { ...commonArgs, golden: { type: 'positional', description: 'Golden set (JSONL)', required: true } },
  async run(ctx) {
    const c = cliContext(ctx);
    const set = await readGoldenSet({ path: resolve(c.io.cwd, String(ctx.args.golden)) });
    const unanswerable = set.items.filter((i) => !i.answerable).length;
    emit(c.io, c.json, { path: set.path, sha256: set.sha256, items: set.items.length, unanswerable }, () => `${set.path}: ${set.items.length} valid items (${unanswerable} unanswerable)`);
    return 0;
  },
});
