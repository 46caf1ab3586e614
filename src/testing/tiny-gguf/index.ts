export { writeTinyLlamaGguf, type TinyLlamaGguf, type WriteTinyLlamaGgufOptions } from './write-tiny-llama-gguf.js';
export { encodeGguf, type GgufTensor, type GgufValue } from './gguf-encode.js';
