/** How a known embedding model family must be called. */
export interface EmbeddingModelRecipe {
  pooling: 'mean' | 'cls';
  queryPrefix: string;
  passagePrefix: string;
}

const bgeQuery = 'Represent this sentence for searching relevant passages: ';

/** Families matched against the model id (case-insensitive), first match wins. */
const recipes: Array<[RegExp, EmbeddingModelRecipe]> = [
  [/bge-m3/, { pooling: 'cls', queryPrefix: '', passagePrefix: '' }],
  [/bge-.*-en|bge-small|bge-base|bge-large/, { pooling: 'cls', queryPrefix: bgeQuery, passagePrefix: '' }],
  [/snowflake-arctic-embed|mxbai-embed/, { pooling: 'cls', queryPrefix: bgeQuery, passagePrefix: '' }],
  [/(^|\/)(multilingual-)?e5-/, { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' }],
  [/nomic-embed-text/, { pooling: 'mean', queryPrefix: 'search_query: ', passagePrefix: 'search_document: ' }],
  [/minilm|mpnet|paraphrase-|gte-(small|base|large)|all-distilroberta/, { pooling: 'mean', queryPrefix: '', passagePrefix: '' }],
];

/** The recipe for a model id, or undefined for an unknown model. */
export function knownEmbeddingRecipe(modelId: string): EmbeddingModelRecipe | undefined {
  const id = modelId.toLowerCase();
  return recipes.find(([pattern]) => pattern.test(id))?.[1];
}
