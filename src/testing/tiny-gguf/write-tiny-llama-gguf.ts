import { mulberry32 } from '../../util/math/random.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { byteVocab } from './byte-vocab.js';
import { encodeGguf, type GgufTensor, type GgufValue } from './gguf-encode.js';

/** Options of {@link writeTinyLlamaGguf}. */
export interface WriteTinyLlamaGgufOptions {
  /** Where to write the `.gguf` file (parent folders are created). */
  path: string;
  /** Seed of the random weights: the same seed writes the same bytes. @default 1 */
  seed?: number;
  /** Vocabulary kind; only the byte-level SentencePiece-style vocabulary exists. @default 'byte' */
  vocab?: 'byte';
  /** Transformer blocks. @default 1 */
  nLayer?: number;
  /** Hidden size. @default 32 */
  nEmbd?: number;
  /** Attention heads (also the KV heads). @default 2 */
  nHead?: number;
  /** Feed-forward size. @default 64 */
  nFf?: number;
  /** Trained context length written to the metadata. @default 256 */
  nCtx?: number;
  /** A Jinja chat template to store as `tokenizer.chat_template`. @default none */
  chatTemplate?: string;
  /** Extra scale on the output rows of these characters' byte and piece tokens, to make them likely (e.g. `'"}'`). @default '' */
  favour?: string;
}

/** What {@link writeTinyLlamaGguf} wrote. */
export interface TinyLlamaGguf {
  path: string;
  bytes: number;
  vocabSize: number;
  contextLength: number;
}

/**
 * Writes a valid GGUF v3 file of a tiny llama-architecture model with random F32 weights and a
 * byte-level SentencePiece vocabulary, for tests that run real node-llama-cpp. Its output is gibberish.
 */
export async function writeTinyLlamaGguf({
  path, seed = 1, nLayer = 1, nEmbd = 32, nHead = 2, nFf = 64, nCtx = 256, chatTemplate, favour = '',
}: WriteTinyLlamaGgufOptions): Promise<TinyLlamaGguf> {
  if (nEmbd % nHead !== 0) throw new Error(`nEmbd (${nEmbd}) must be a multiple of nHead (${nHead})`);
  const vocab = byteVocab();
  const nVocab = vocab.tokens.length;
  const random = mulberry32(seed);
  const matrix = (cols: number, rows: number): Float32Array => {
    const scale = 1 / Math.sqrt(cols);
    return Float32Array.from({ length: cols * rows }, () => (random() * 2 - 1) * scale * Math.sqrt(3));
  };
  const ones = (n: number): Float32Array => new Float32Array(n).fill(1);

  const tensors: GgufTensor[] = [{ name: 'token_embd.weight', dims: [nEmbd, nVocab], data: matrix(nEmbd, nVocab) }];
  for (let i = 0; i < nLayer; i++) {
    tensors.push(
      { name: `blk.${i}.attn_norm.weight`, dims: [nEmbd], data: ones(nEmbd) },
      { name: `blk.${i}.attn_q.weight`, dims: [nEmbd, nEmbd], data: matrix(nEmbd, nEmbd) },
      { name: `blk.${i}.attn_k.weight`, dims: [nEmbd, nEmbd], data: matrix(nEmbd, nEmbd) },
      { name: `blk.${i}.attn_v.weight`, dims: [nEmbd, nEmbd], data: matrix(nEmbd, nEmbd) },
      { name: `blk.${i}.attn_output.weight`, dims: [nEmbd, nEmbd], data: matrix(nEmbd, nEmbd) },
      { name: `blk.${i}.ffn_norm.weight`, dims: [nEmbd], data: ones(nEmbd) },
      { name: `blk.${i}.ffn_gate.weight`, dims: [nEmbd, nFf], data: matrix(nEmbd, nFf) },
      { name: `blk.${i}.ffn_up.weight`, dims: [nEmbd, nFf], data: matrix(nEmbd, nFf) },
      { name: `blk.${i}.ffn_down.weight`, dims: [nFf, nEmbd], data: matrix(nFf, nEmbd) },
    );
  }
  const output = matrix(nEmbd, nVocab);
  for (const ch of favour) {
    const ids = [vocab.tokens.indexOf(ch), vocab.tokens.indexOf(`<0x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}>`)];
    for (const id of ids.filter((x) => x >= 0)) for (let j = 0; j < nEmbd; j++) output[id * nEmbd + j]! *= 8;
  }
  tensors.push({ name: 'output_norm.weight', dims: [nEmbd], data: ones(nEmbd) }, { name: 'output.weight', dims: [nEmbd, nVocab], data: output });

  const u32 = (value: number): GgufValue => ({ type: 'uint32', value });
  const metadata: Record<string, GgufValue> = {
    'general.architecture': { type: 'string', value: 'llama' },
    'general.name': { type: 'string', value: `fathom-tiny-llama-${seed}` },
    'general.file_type': u32(0),
    'llama.context_length': u32(nCtx),
    'llama.embedding_length': u32(nEmbd),
    'llama.block_count': u32(nLayer),
    'llama.feed_forward_length': u32(nFf),
    'llama.attention.head_count': u32(nHead),
    'llama.attention.head_count_kv': u32(nHead),
    'llama.rope.dimension_count': u32(nEmbd / nHead),
    'llama.rope.freq_base': { type: 'float32', value: 10000 },
    'llama.attention.layer_norm_rms_epsilon': { type: 'float32', value: 1e-5 },
    'llama.vocab_size': u32(nVocab),
    'tokenizer.ggml.model': { type: 'string', value: 'llama' },
    'tokenizer.ggml.tokens': { type: 'array', itemType: 'string', values: vocab.tokens },
    'tokenizer.ggml.scores': { type: 'array', itemType: 'float32', values: vocab.scores },
    'tokenizer.ggml.token_type': { type: 'array', itemType: 'int32', values: vocab.types },
    'tokenizer.ggml.unknown_token_id': u32(vocab.unkId),
    'tokenizer.ggml.bos_token_id': u32(vocab.bosId),
    'tokenizer.ggml.eos_token_id': u32(vocab.eosId),
    'tokenizer.ggml.add_bos_token': { type: 'bool', value: true },
    'tokenizer.ggml.add_eos_token': { type: 'bool', value: false },
    ...(chatTemplate ? { 'tokenizer.chat_template': { type: 'string', value: chatTemplate } as GgufValue } : {}),
  };
  const bytes = encodeGguf({ metadata, tensors });
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return { path, bytes: bytes.length, vocabSize: nVocab, contextLength: nCtx };
}
