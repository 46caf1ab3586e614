import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildBertGraph } from './bert-graph.js';
import { encodeOnnxModel } from './onnx-proto.js';
import { tinyVocab, tokenizerConfigJson, tokenizerJson } from './wordpiece-tokenizer.js';

/** Options of {@link writeTinyBertModel}. */
export interface WriteTinyBertModelOptions {
  /** The model folder to create (gets config.json, tokenizer files and onnx/). */
  dir: string;
  /** `embedding` outputs `last_hidden_state`; `cross-encoder` outputs one relevance logit per pair. */
  kind: 'embedding' | 'cross-encoder';
  /** @default 32 */
  hiddenSize?: number;
  /** @default 1 */
  layers?: number;
  /** Feed-forward width. @default 4 × hiddenSize */
  intermediateSize?: number;
  /** Longest input in tokens (position table size and tokenizer `model_max_length`). @default 512 */
  maxPositions?: number;
  /** Weight seed: same seed, same model. @default 1 */
  seed?: number;
}

/** What was written. */
export interface TinyBertModel {
  dir: string;
  /** Vector length (= hiddenSize). */
  dimensions: number;
  vocabSize: number;
  /** ONNX files written (onnx/model.onnx for dtype fp32 and onnx/model_quantized.onnx for q8, same graph). */
  files: string[];
}

/**
 * Writes a Hugging Face–layout BERT model with random weights that transformers.js loads offline and runs in
 * onnxruntime-node: a stand-in for bge/MiniLM embedders and ms-marco cross-encoders in tests and benchmarks.
 * Its vectors carry no meaning, but they are deterministic per text and differ between texts.
 */
export async function writeTinyBertModel({ dir, kind, hiddenSize = 32, layers = 1, intermediateSize = hiddenSize * 4, maxPositions = 512, seed = 1 }: WriteTinyBertModelOptions): Promise<TinyBertModel> {
  const vocab = tinyVocab();
  const bytes = await encodeOnnxModel(buildBertGraph({ kind, vocabSize: vocab.length, hiddenSize, intermediateSize, layers, maxPositions, seed }));
  const config = {
    model_type: 'bert',
    architectures: [kind === 'embedding' ? 'BertModel' : 'BertForSequenceClassification'],
    hidden_size: hiddenSize, num_hidden_layers: layers, num_attention_heads: 1, intermediate_size: intermediateSize,
    max_position_embeddings: maxPositions, type_vocab_size: 2, vocab_size: vocab.length, pad_token_id: 0,
    ...(kind === 'cross-encoder' ? { id2label: { 0: 'LABEL_0' }, label2id: { LABEL_0: 0 } } : {}),
  };
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const files = [join(dir, 'onnx', 'model.onnx'), join(dir, 'onnx', 'model_quantized.onnx')];
  await Promise.all([
    writeFile(join(dir, 'config.json'), JSON.stringify(config, null, 2)),
    writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab))),
    writeFile(join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfigJson(maxPositions), null, 2)),
    ...files.map((file) => writeFile(file, bytes)),
  ]);
  return { dir, dimensions: hiddenSize, vocabSize: vocab.length, files };
}
