import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Llama } from 'node-llama-cpp';
import type { ChatCallOptions, ChatStreamPart } from '../../spec/chat-model.js';
import { writeTinyLlamaGguf } from '../../testing/tiny-gguf/index.js';
import { FathomError } from '../../util/errors.js';
import { createLlamaCppChatModel, type LlamaCppChatModel } from './chat-model.js';

const lib = await import('node-llama-cpp').catch(() => undefined);
const skip = lib ? false : 'node-llama-cpp is not installed (npm install node-llama-cpp)';
const isCode = (code: string) => (e: unknown) => FathomError.isInstance(e) && e.code === code;
const ask: ChatCallOptions = { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'What is the answer?' }], maxOutputTokens: 8 };

let dir: string;
let llama: Llama;
let modelPath: string;
let model: LlamaCppChatModel;

describe('llama-cpp chat model on a tiny random GGUF', { skip }, () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fathom-llama-'));
    modelPath = (await writeTinyLlamaGguf({ path: join(dir, 'tiny.gguf'), seed: 7, nCtx: 512, favour: '"' })).path;
    llama = await lib!.getLlama({ gpu: false, maxThreads: 1, logLevel: lib!.LlamaLogLevel.error });
    model = createLlamaCppChatModel({ modelPath, llama, threads: 1, contextSize: 512 });
    await model.load();
  });
  after(async () => {
    await model?.dispose();
    await llama?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('describes itself from the loaded model', () => {
    assert.equal(model.provider, 'llama-cpp');
    assert.equal(model.modelId, 'tiny');
    assert.equal(model.contextWindow, 512);
    assert.equal(model.supportsStructuredOutput, true);
  });

  it('generates text with usage and a finish reason, within maxOutputTokens', async () => {
    const result = await model.doGenerate(ask);
    assert.equal(typeof result.text, 'string');
    assert.ok(result.usage.inputTokens > 10, `inputTokens ${result.usage.inputTokens}`);
    assert.ok(result.usage.outputTokens >= 1 && result.usage.outputTokens <= 8, `outputTokens ${result.usage.outputTokens}`);
    assert.ok(['length', 'stop'].includes(result.finishReason));
    if (result.finishReason === 'length') assert.equal(result.usage.outputTokens, 8);
  });

  it('streams deltas whose join equals the generated text (greedy decoding)', async () => {
    const call = { ...ask, temperature: 0, maxOutputTokens: 12 };
    const expected = await model.doGenerate(call);
    const parts: ChatStreamPart[] = [];
    for await (const part of model.doStream(call)) parts.push(part);
    const deltas = parts.filter((p) => p.type === 'text-delta').map((p) => p.delta);
    assert.ok(deltas.length >= 1);
    assert.equal(deltas.join(''), expected.text);
    assert.deepEqual(parts.at(-1), { type: 'finish', finishReason: expected.finishReason, usage: expected.usage });
  });

  it('keeps serving calls after a stream consumer breaks early (generation is aborted)', async () => {
    let deltas = 0;
    for await (const part of model.doStream({ ...ask, maxOutputTokens: 50 })) {
      if (part.type === 'text-delta' && ++deltas === 1) break;
    }
    const next = await model.doGenerate({ ...ask, maxOutputTokens: 3 });
    assert.ok(next.usage.outputTokens >= 1 && next.usage.outputTokens <= 3);
  });

  it('constrains output to a JSON Schema with a grammar', async () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };
    for (const seed of [1, 2]) {
      const result = await model.doGenerate({ ...ask, maxOutputTokens: 200, temperature: 0.8, seed, responseFormat: { type: 'json', schema } });
      assert.equal(result.finishReason, 'stop', `seed ${seed} ran out of tokens: ${result.text}`);
      const parsed = JSON.parse(result.text) as Record<string, unknown>;
      assert.deepEqual(Object.keys(parsed), ['answer']);
      assert.equal(typeof parsed.answer, 'string');
    }
  });

  it('counts tokens with the model tokenizer', () => {
    const one = model.countTokens!('the');
    assert.ok(one >= 1);
    assert.ok(model.countTokens!('the answer is the answer') > one);
  });

  it('stops at a stop sequence it generates', async () => {
    const free = await model.doGenerate({ ...ask, temperature: 0, maxOutputTokens: 12 });
    const stopAt = '"'; // the tiny model is written to favour quotes
    assert.ok(free.text.includes(stopAt), `greedy text has no quote: ${free.text}`);
    const stopped = await model.doGenerate({ ...ask, temperature: 0, maxOutputTokens: 12, stopSequences: [stopAt] });
    assert.equal(stopped.finishReason, 'stop');
    assert.ok(!stopped.text.includes(stopAt));
    assert.ok(free.text.startsWith(stopped.text));
  });

  it('rejects a prompt longer than the context with INVALID_ARGUMENT', async () => {
    await assert.rejects(model.doGenerate({ messages: [{ role: 'user', content: 'x y z '.repeat(400) }] }), isCode('INVALID_ARGUMENT'));
  });

  it('fails with INTERRUPTED when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(model.doGenerate({ ...ask, abortSignal: controller.signal }), isCode('INTERRUPTED'));
  });

  it('reports MODEL_NOT_AVAILABLE for a missing or broken file, with the path', async () => {
    const missing = createLlamaCppChatModel({ modelPath: join(dir, 'nope.gguf'), llama });
    await assert.rejects(missing.doGenerate(ask), (e: unknown) => isCode('MODEL_NOT_AVAILABLE')(e) && (e as Error).message.includes('nope.gguf'));
    await writeFile(join(dir, 'broken.gguf'), 'not a gguf file');
    const broken = createLlamaCppChatModel({ modelPath: join(dir, 'broken.gguf'), llama });
    await assert.rejects(broken.load(), (e: unknown) => isCode('MODEL_NOT_AVAILABLE')(e) && /GGUF/.test((e as Error).message));
    assert.throws(() => createLlamaCppChatModel({}), isCode('INVALID_CONFIG'));
  });

  it('resolves an hf: reference from the cache, and explains where to place it when absent', async () => {
    const cacheDir = join(dir, 'cache');
    const absent = createLlamaCppChatModel({ modelUri: 'hf:fathom/tiny/tiny.gguf', cacheDir, allowDownload: false, llama });
    await assert.rejects(absent.load(), (e: unknown) => isCode('MODEL_NOT_AVAILABLE')(e) && (e as Error).message.includes(join(cacheDir, 'hf_fathom_tiny_tiny.gguf')));
    await copyFile(modelPath, join(cacheDir, 'hf_fathom_tiny_tiny.gguf')).catch(async () => {
      await (await import('node:fs/promises')).mkdir(cacheDir, { recursive: true });
      await copyFile(modelPath, join(cacheDir, 'hf_fathom_tiny_tiny.gguf'));
    });
    const cached = createLlamaCppChatModel({ modelUri: 'hf:fathom/tiny/tiny.gguf', cacheDir, allowDownload: false, llama, threads: 1, contextSize: 256 });
    try {
      const result = await cached.doGenerate({ ...ask, maxOutputTokens: 2 });
      assert.ok(result.usage.outputTokens >= 1);
      assert.equal(cached.modelId, 'hf:fathom/tiny/tiny.gguf');
    } finally {
      await cached.dispose();
    }
  });
});
