import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeTinyLlamaGguf } from './write-tiny-llama-gguf.js';

const lib = await import('node-llama-cpp').catch(() => undefined);
let dir: string;

describe('writeTinyLlamaGguf', () => {
  before(async () => void (dir = await mkdtemp(join(tmpdir(), 'fathom-gguf-'))));
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes a GGUF v3 file of a few hundred KB, byte-identical for the same seed', async () => {
    const a = await writeTinyLlamaGguf({ path: join(dir, 'a.gguf'), seed: 3 });
    const b = await writeTinyLlamaGguf({ path: join(dir, 'b.gguf'), seed: 3 });
    const c = await writeTinyLlamaGguf({ path: join(dir, 'c.gguf'), seed: 4 });
    const [bytesA, bytesB, bytesC] = await Promise.all([a, b, c].map((f) => readFile(f.path)));
    assert.equal(bytesA!.subarray(0, 4).toString('latin1'), 'GGUF');
    assert.equal(bytesA!.readUInt32LE(4), 3);
    assert.ok(bytesA!.equals(bytesB!));
    assert.ok(!bytesA!.equals(bytesC!));
    assert.equal((await stat(a.path)).size, a.bytes);
    assert.ok(a.bytes < 3_000_000, `${a.bytes} bytes`);
  });

  it('has llama architecture keys, a byte-level vocabulary and aligned F32 tensors', { skip: lib ? false : 'node-llama-cpp is not installed' }, async () => {
    const { path } = await writeTinyLlamaGguf({ path: join(dir, 'meta.gguf'), nLayer: 2, nEmbd: 16, nHead: 4, nFf: 24, nCtx: 128, chatTemplate: '{{ messages }}' });
    const info = await lib!.readGgufFileInfo(path, { logWarnings: false });
    const meta = info.metadata as unknown as Record<string, Record<string, unknown>>;
    assert.equal(meta.general!.architecture, 'llama');
    assert.deepEqual(
      { ...meta.llama, attention: undefined, rope: undefined, vocab_size: undefined },
      { context_length: 128, embedding_length: 16, block_count: 2, feed_forward_length: 24, attention: undefined, rope: undefined, vocab_size: undefined },
    );
    assert.equal((meta.llama!.attention as Record<string, unknown>).head_count_kv, 4);
    assert.equal((meta.llama!.rope as Record<string, unknown>).dimension_count, 4);
    const tokenizer = meta.tokenizer as { ggml: { model: string; tokens: string[]; token_type: number[]; bos_token_id: number; eos_token_id: number }; chat_template: string };
    assert.equal(tokenizer.ggml.model, 'llama');
    assert.deepEqual(tokenizer.ggml.tokens.slice(0, 4), ['<unk>', '<s>', '</s>', '<0x00>']);
    assert.equal(tokenizer.ggml.tokens[3 + 255], '<0xFF>');
    assert.ok(tokenizer.ggml.tokens.includes('▁the'));
    assert.equal(tokenizer.ggml.token_type[3], 6);
    assert.deepEqual([tokenizer.ggml.bos_token_id, tokenizer.ggml.eos_token_id], [1, 2]);
    assert.equal(tokenizer.chat_template, '{{ messages }}');
    const tensors = info.tensorInfo!;
    assert.equal(tensors.length, 2 + 2 * 9 + 1);
    assert.ok(tensors.every((t) => t.ggmlType === 0 && Number(t.offset) % 32 === 0));
    const q = tensors.find((t) => t.name === 'blk.1.ffn_down.weight')!;
    assert.deepEqual(q.dimensions.map(Number), [24, 16]);
  });

  it('rejects a hidden size that is not a multiple of the heads', async () => {
    await assert.rejects(writeTinyLlamaGguf({ path: join(dir, 'x.gguf'), nEmbd: 30, nHead: 4 }), /multiple of nHead/);
  });
});
