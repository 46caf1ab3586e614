export { ingest } from './ingest.js';
export type { IngestOptions } from './ingest-options.js';
export { createChunker } from './chunkers/index.js';
export { loadSources } from './load-sources.js';
export { walkFiles } from './walk.js';
export { defaultLoaders, loaderForPath } from './loaders/index.js';
export { createDuplicateDetector } from './governance/duplicates.js';
export { indexText } from './index-text.js';
