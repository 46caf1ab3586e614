/**
 * A two-hop corpus: the answer passage ("velik") shares no word with the question, only the bridge entity that the
 * first hop's passage ("lumen") names; filler documents around them. Used by the multi-hop retrieval and the ask
 * audit tests.
 */
import type { DocumentWrite, Store } from '../../spec/store.js';
import { createSqliteStore } from '../../store/sqlite/index.js';
import { sha256 } from '../../util/hash.js';

export interface BridgeDoc {
  id: string;
  title: string;
  text: string;
}

export const bridgeQuestion = 'Which river runs through the hometown of the architect who designed the Lumen Library?';

/** The two bridge documents, then `extra`, then one filler document per word. */
export function bridgeDocs(fillers: string[], extra: BridgeDoc[] = []): BridgeDoc[] {
  return [
    { id: 'lumen', title: 'Lumen Library', text: 'The Lumen Library was designed by the architect Mara Velik and opened in 1931.' },
    { id: 'velik', title: 'Mara Velik', text: 'Mara Velik spent her childhood in Dornfeld, a small town on the river Isel.' },
    ...extra,
    ...fillers.map((w) => ({ id: w, title: w, text: `Notes on the ${w}: its history, its upkeep and its place in daily life.` })),
  ];
}

export const bridgeWrite = (d: BridgeDoc): DocumentWrite => ({
  document: { id: d.id, source: `${d.id}.md`, title: d.title, text: d.text, format: 'markdown', metadata: {} },
  contentHash: sha256(d.text),
  chunks: [{ text: d.text, start: 0, end: d.text.length, headingPath: [d.title], tokenCount: 12, role: 'leaf' }],
  indexTexts: [`${d.title}\n${d.text}`],
  at: 1_000,
});

/** A `:memory:` SQLite store holding `docs` in tenant `t`. */
export async function openBridgeStore(docs: BridgeDoc[]): Promise<Store> {
  const store = await createSqliteStore({ path: ':memory:' });
  await store.commit({ tenant: 't', writes: docs.map(bridgeWrite) });
  return store;
}
