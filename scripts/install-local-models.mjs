#!/usr/bin/env node
// Installs the optional local-model runtimes (node-llama-cpp for GGUF generation, @huggingface/transformers for
// ONNX embeddings and reranking) at the versions package.json's peerDependencies pin, without saving them.
// (--save-dev with --no-save: npm does not place a package declared as an optional peer otherwise.)
// The default install stays small; the tests of the local providers skip until these are present.
// ONNXRUNTIME_NODE_INSTALL=skip: onnxruntime-node's postinstall otherwise downloads CUDA binaries from NuGet;
// the CPU binaries it needs ship inside the npm package.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const runtimes = new Set(['node-llama-cpp', '@huggingface/transformers']);
const specs = Object.entries(pkg.peerDependencies ?? {}).filter(([name]) => runtimes.has(name)).map(([name, version]) => `${name}@${version}`);
console.log(`installing ${specs.join(' ')} (not saved to package.json)`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['install', '--no-save', '--save-dev', '--no-audit', '--no-fund', ...specs], {
  stdio: 'inherit',
  env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: process.env.ONNXRUNTIME_NODE_INSTALL ?? 'skip' },
});
process.exit(result.status ?? 1);
