export { writeTinyBertModel, type TinyBertModel, type WriteTinyBertModelOptions } from './write-tiny-bert-model.js';
