import type { Hit } from '../spec/hit.js';
import type { HopTrace, RetrievalStage, RetrieveOptions, RetrieveResult } from '../spec/retrieve.js';
import { FathomError } from '../util/errors.js';
import { decomposeQuestion } from './decompose-question.js';
import { proposeBridgeEntities } from './propose-bridge-entities.js';

export interface RetrieveMultiHopOptions extends RetrieveOptions {
  /** One single-hop retrieval (`retrieve` with `hops: 1`); passed in so this module needs no import of it. */
  retrieveOnce: (options: RetrieveOptions) => Promise<RetrieveResult>;
}

/**
 * Two-hop retrieval. Hop 1 retrieves for the question. The second query is the model's decomposition of
 * the question given hop 1's passages (`multiHop.decomposer`), or the bridge entities hop 1's top passages
 * propose (capitalised phrases, headings, titles not in the question) plus the question's words that hop 1's
 * top passage does not hold (what is left to find; the words it holds would pull hop 1's passages back). Hop 2 retrieves
 * topK + |hop 1| hits; the two lists are merged by reciprocal-rank fusion (k = 60; a hit in both sums both,
 * ties to hop 1) and cut to topK. Stages carry their hop number; the sufficiency signal is
 * hop 1's (the question's own retrieval). Without a second query, hop 1's result is returned as is.
 */
export async function retrieveMultiHop({ retrieveOnce, ...options }: RetrieveMultiHopOptions): Promise<RetrieveResult> {
  const { topK = 10, query, multiHop = {}, signal } = options;
  const perfNow = options._internal?.perfNow ?? (() => performance.now());
  const bridges = multiHop.bridges ?? 1;
  if (!Number.isInteger(bridges) || bridges < 1) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `multiHop.bridges must be a positive integer, got ${bridges}.`, details: { bridges } });
  const first = await retrieveOnce({ ...options, hops: 1 });
  const stages: RetrievalStage[] = first.trace.stages.map((s) => ({ ...s, hop: 1 }));
  const hops: HopTrace[] = [{ hop: 1, query, count: first.hits.length }];

  const start = perfNow();
  let second: string | undefined;
  let entities: string[] | undefined;
  if (multiHop.decomposer) {
    second = await decomposeQuestion({ model: multiHop.decomposer, question: query, hits: first.hits, ...(signal ? { abortSignal: signal } : {}) });
  } else {
    entities = proposeBridgeEntities({ question: query, hits: first.hits, limit: bridges });
    second = entities.length ? [...entities, ..._residualTerms(query, first.hits[0]?.chunk.text ?? '')].join(' ') : undefined;
  }
  stages.push({ name: multiHop.decomposer ? 'decompose' : 'bridge', ms: perfNow() - start, count: entities?.length ?? (second ? 1 : 0), hop: 2 });
  if (!second) {
    hops.push({ hop: 2, query: null, count: 0, ...(entities ? { entities } : {}) });
    return { hits: first.hits, trace: { ...first.trace, stages, hops } };
  }

  const hop2 = await retrieveOnce({ ...options, query: second, hops: 1, topK: topK + first.hits.length });
  stages.push(...hop2.trace.stages.map((s) => ({ ...s, hop: 2 })));
  const seen = new Set(first.hits.map((h) => h.chunk.id));
  hops.push({ hop: 2, query: second, count: hop2.hits.filter((h) => !seen.has(h.chunk.id)).length, ...(entities ? { entities } : {}) });
  const mergeStart = perfNow();
  const hits = _fuseHops([first.hits, hop2.hits]).slice(0, topK);
  stages.push({ name: 'hops', ms: perfNow() - mergeStart, count: hits.length });
  return { hits, trace: { ...first.trace, stages, hops } };
}

/** RRF over the hops' lists (a hit in both sums both), ties to the earlier hop and rank; records stage `hops` and each hit's rank in every hop (`hop1`, `hop2`). */
function _fuseHops(lists: readonly (readonly Hit[])[], k = 60): Hit[] {
  const merged = new Map<string, { hit: Hit; score: number; first: number }>();
  lists.forEach((list, hop) => list.forEach((hit, i) => {
    const entry = merged.get(hit.chunk.id) ?? { hit, score: 0, first: hop * 1_000_000 + i };
    entry.score += 1 / (k + i + 1);
    entry.hit = { ...entry.hit, stages: { ...entry.hit.stages, [`hop${hop + 1}`]: { score: hit.score, rank: i + 1 } } };
    merged.set(hit.chunk.id, entry);
  }));
  return [...merged.values()].sort((a, b) => b.score - a.score || a.first - b.first).map(({ hit, score }, i) => ({ ...hit, score, stages: { ...hit.stages, hops: { score, rank: i + 1 } } }));
}

const _STOP = new Set('a an and are as at be by did do does for from had has have how in is it its of on or that the to was were what when where which who whom whose why with'.split(' '));

/** The question's content words absent from `text`, in question order. */
function _residualTerms(question: string, text: string): string[] {
  const present = new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const words = question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].filter((w) => !_STOP.has(w) && !present.has(w));
}
