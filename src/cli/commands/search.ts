import { defineCommand } from 'citty';
import type { Hit } from '../../spec/hit.js';
import { FathomError } from '../../util/errors.js';
import { commonArgs } from '../common-args.js';
import { cliContext, withStore } from '../context.js';
import { emit } from '../io.js';
import { parseFilter } from '../parse-filter.js';

export const searchCommand = defineCommand({
  meta: { name: 'search', description: 'Search the indexed chunks' },
  args: {
    ...commonArgs,
    query: { type: 'positional', description: 'What to search for', required: true },
    k: { type: 'string', alias: 'k', description: 'Number of results', valueHint: 'n' },
    filter: { type: 'string', description: 'key=value, key>=n, key=a|b … (repeatable)', valueHint: 'expr' },
    explain: { type: 'boolean', description: 'Print every stage score and rank' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const topK = ctx.args.k === undefined ? c.config.search.topK : Number(ctx.args.k);
    if (!Number.isInteger(topK) || topK <= 0) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `-k must be a positive integer, got "${String(ctx.args.k)}".` });
    const query = String(ctx.args.query);
    const started = performance.now();
    const hits = await withStore(c, (store) => store.searchKeyword({ tenant: c.tenant, query, topK, filter: parseFilter(ctx.args.filter as string | string[] | undefined) }));
    const ms = performance.now() - started;
    emit(c.io, c.json, { query, tenant: c.tenant, mode: 'bm25', latencyMs: ms, hits }, () => render(hits, Boolean(ctx.args.explain)));
    return 0;
  },
});

function render(hits: Hit[], explain: boolean): string {
  if (hits.length === 0) return 'No results.';
  return hits
    .map((h, i) => {
      const where = [h.document.title, ...h.chunk.headingPath].filter((x, j, a) => x && a.indexOf(x) === j).join(' › ');
      const head = `${i + 1}. ${where}  (${h.document.id}, chars ${h.chunk.start}-${h.chunk.end}${h.chunk.pages?.length ? `, p. ${h.chunk.pages.join(',')}` : ''})  score ${h.score.toFixed(3)}`;
      const stages = explain ? `\n   ${Object.entries(h.stages).map(([name, s]) => `${name}: score ${s!.score.toFixed(4)} rank ${s!.rank}`).join(' | ')}` : '';
      const snippet = h.chunk.text.replace(/\s+/g, ' ').slice(0, 240);
      return `${head}${stages}\n   ${snippet}${h.chunk.text.length > 240 ? '…' : ''}`;
    })
    .join('\n');
}
