export { createGptTokenizer } from './gpt-tokenizer.js';
export type { GptTokenizerOptions } from './gpt-tokenizer.js';
export { loadHfTokenizer } from './hf-tokenizer.js';
export type { HfTokenizerOptions } from './hf-tokenizer.js';
export { prepareText } from './prepare-text.js';
