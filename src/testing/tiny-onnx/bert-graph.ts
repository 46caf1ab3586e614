import { mulberry32 } from '../../util/math/random.js';
import { attrType, onnxType, type OnnxModelObject } from './onnx-proto.js';

/** Shape of the random BERT-like graph. */
export interface BertGraphOptions {
  kind: 'embedding' | 'cross-encoder';
  vocabSize: number;
  hiddenSize: number;
  intermediateSize: number;
  layers: number;
  maxPositions: number;
  seed: number;
}

/**
 * Builds a BERT-shaped ONNX graph with random weights: token + type + position embeddings, LayerNorm, then per
 * layer a masked mean "context" mixed into every token (so [CLS] sees the sentence and padding is ignored), a
 * Tanh feed-forward block and a residual LayerNorm. Output `last_hidden_state` [batch, seq, hidden] or, for
 * the cross-encoder, `logits` [batch, 1] from the [CLS] position.
 */
export function buildBertGraph({ kind, vocabSize, hiddenSize: h, intermediateSize: m, layers, maxPositions, seed }: BertGraphOptions): OnnxModelObject {
  const random = _normal(seed);
  const nodes: unknown[] = [];
  const initializers: unknown[] = [];
  const weight = (name: string, dims: number[], std: number, mean = 0): string => {
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++) data[i] = mean + std * random();
    initializers.push({ name, dims, dataType: onnxType.FLOAT, rawData: new Uint8Array(data.buffer) });
    return name;
  };
  const ints = (name: string, values: number[], dims: number[]): string => {
    initializers.push({ name, dims, dataType: onnxType.INT64, int64Data: values });
    return name;
  };
  let counter = 0;
  const op = (opType: string, input: string[], attribute: unknown[] = [], output = `t${counter++}`): string => {
    nodes.push({ opType, input, output: [output], name: `${opType}_${counter++}`, attribute });
    return output;
  };
  const int = (name: string, i: number) => ({ name, type: attrType.INT, i });
  const layerNorm = (x: string, prefix: string, output?: string) =>
    op('LayerNormalization', [x, weight(`${prefix}.gamma`, [h], 0.05, 1), weight(`${prefix}.beta`, [h], 0.05)], [int('axis', -1), { name: 'epsilon', type: attrType.FLOAT, f: 1e-12 }], output);

  const zero = ints('const.zero', [0], []);
  const one = ints('const.one', [1], []);
  const seqLen = op('Gather', [op('Shape', ['input_ids']), one], [int('axis', 0)]);
  const positions = op('Range', [zero, seqLen, one]);
  const embedded = op('Add', [
    op('Add', [op('Gather', [weight('embeddings.word', [vocabSize, h], 1), 'input_ids']), op('Gather', [weight('embeddings.type', [2, h], 0.2), 'token_type_ids'])]),
    op('Gather', [weight('embeddings.position', [maxPositions, h], 0.2), positions]),
  ]);
  let x = layerNorm(embedded, 'embeddings.norm');
  const mask = op('Unsqueeze', [op('Cast', ['attention_mask'], [int('to', onnxType.FLOAT)]), ints('const.axis2', [2], [1])]);
  const axis1 = ints('const.axis1', [1], [1]);
  const count = op('ReduceSum', [mask, axis1], [int('keepdims', 1)]);
  for (let l = 0; l < layers; l++) {
    const context = op('Div', [op('ReduceSum', [op('Mul', [x, mask]), axis1], [int('keepdims', 1)]), count]);
    const mixed = op('Add', [x, context]);
    const hidden = op('Tanh', [op('Add', [op('MatMul', [mixed, weight(`layer${l}.w1`, [h, m], 1 / Math.sqrt(h))]), weight(`layer${l}.b1`, [m], 0.02)])]);
    const out = op('Add', [op('MatMul', [hidden, weight(`layer${l}.w2`, [m, h], 1 / Math.sqrt(m))]), weight(`layer${l}.b2`, [h], 0.02)]);
    x = layerNorm(op('Add', [x, out]), `layer${l}.norm`, kind === 'embedding' && l === layers - 1 ? 'last_hidden_state' : undefined);
  }
  const outputs = [];
  if (kind === 'embedding') {
    if (layers === 0) op('Identity', [x], [], 'last_hidden_state');
    outputs.push(_valueInfo('last_hidden_state', onnxType.FLOAT, ['batch_size', 'sequence_length', h]));
  } else {
    const cls = op('Gather', [x, zero], [int('axis', 1)]);
    op('Add', [op('MatMul', [cls, weight('classifier.w', [h, 1], 1 / Math.sqrt(h))]), weight('classifier.b', [1], 0.1)], [], 'logits');
    outputs.push(_valueInfo('logits', onnxType.FLOAT, ['batch_size', 1]));
  }
  const inputs = ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => _valueInfo(name, onnxType.INT64, ['batch_size', 'sequence_length']));
  return {
    irVersion: 8,
    producerName: 'fathom-tiny-onnx',
    opsetImport: [{ domain: '', version: 17 }],
    graph: { name: `tiny-bert-${kind}`, node: nodes, initializer: initializers, input: inputs, output: outputs },
  };
}

function _valueInfo(name: string, elemType: number, dims: Array<string | number>): unknown {
  const dim = dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

/** Seeded standard-normal generator (mulberry32 + Box–Muller). */
function _normal(seed: number): () => number {
  const uniform = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}
