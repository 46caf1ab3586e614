/** Fine-tuning data formats: read, detect, convert to chat. */
export { readExamples } from './read-examples.js';
export type { ReadExamplesOptions } from './read-examples.js';
export { detectFormat, parseRecord } from './parse-record.js';
export type { ParsedRecord } from './parse-record.js';
export { convertExample } from './convert-example.js';
export type { ConvertExampleOptions } from './convert-example.js';
export { toChat } from './to-chat.js';
export type { ToChatOptions } from './to-chat.js';
