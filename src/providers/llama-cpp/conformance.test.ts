import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { Llama } from 'node-llama-cpp';
import { runChatModelConformance } from '../../testing/chat-model-conformance.js';
import { writeTinyLlamaGguf } from '../../testing/tiny-gguf/index.js';
import { createLlamaCppChatModel, type LlamaCppChatModel } from './chat-model.js';

const lib = await import('node-llama-cpp').catch(() => undefined);
let shared: Promise<{ dir: string; llama: Llama; model: LlamaCppChatModel }> | undefined;

// One tiny random-weight GGUF, loaded once for every case (the suite calls create() per case).
function load() {
  shared ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fathom-llama-conf-'));
    const { path } = await writeTinyLlamaGguf({ path: join(dir, 'tiny.gguf'), seed: 11, nCtx: 512, favour: '"' });
    const llama = await lib!.getLlama({ gpu: false, maxThreads: 1, logLevel: lib!.LlamaLogLevel.error });
    const model = createLlamaCppChatModel({ modelPath: path, llama, threads: 1, contextSize: 512 });
    await model.load();
    return { dir, llama, model };
  })();
  return shared;
}

after(async () => {
  if (!shared) return;
  const { dir, llama, model } = await shared;
  await model.dispose();
  await llama.dispose();
  await rm(dir, { recursive: true, force: true });
});

runChatModelConformance({
  name: 'llama-cpp (tiny random GGUF)',
  skip: lib ? false : 'node-llama-cpp is not installed (npm run setup:local-models)',
  create: async () => ({ model: (await load()).model }),
});
