export { adaptEmbeddingModel } from './adapt-embedding-model.js';
export { applyAdapter } from './apply-adapter.js';
export { loadAdapter } from './load-adapter.js';
export { measureAdapterGain, type EmbeddedItem, type MeasureAdapterGainOptions } from './measure-adapter-gain.js';
export { saveAdapter, type SaveAdapterOptions } from './save-adapter.js';
export { trainEmbeddingAdapter, type AdapterEpoch, type AdapterPair, type TrainEmbeddingAdapterOptions, type TrainEmbeddingAdapterResult } from './train-embedding-adapter.js';
