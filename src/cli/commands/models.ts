import { defineCommand } from 'citty';
import { formatBytes, listModels, modelCatalog, pullModel, removeModel, type PulledModel, type PullProgress } from '../../models/index.js';
import { loadConfig } from '../config.js';
import { emit, processIO, type CliIO } from '../io.js';
import { modelCacheDir } from '../model-cache-dir.js';

const json = { type: 'boolean', description: 'Print machine-readable JSON instead of text' } as const;
const cacheDirArg = { type: 'string', description: 'Model cache (default: $FATHOM_CACHE/models, else $XDG_CACHE_HOME/fathom/models, else ~/.cache/fathom/models)', valueHint: 'dir' } as const;
const ioOf = (data: unknown): CliIO => (data as CliIO | undefined) ?? processIO();
const cacheOf = (io: CliIO, flag: unknown): string => (typeof flag === 'string' && flag ? flag : modelCacheDir(io.env));

const pull = defineCommand({
  meta: { name: 'pull', description: 'Download a model (GGUF for generation, ONNX for embeddings and reranking) into the cache, checking its size and checksum' },
  args: {
    name: { type: 'positional', description: `A catalogue name (${modelCatalog.map((m) => m.name).join(', ')}) or org/repo/file`, required: true },
    revision: { type: 'string', description: 'Branch, tag or commit (default main)', valueHint: 'rev' },
    hub: { type: 'string', description: 'Hub base URL (default: $FATHOM_MODEL_HUB, else config models.hubUrl, else https://huggingface.co)', valueHint: 'url' },
    'cache-dir': cacheDirArg,
    progress: { type: 'string', schema: { enum: ['auto', 'json', 'none'] }, description: 'auto (bar on a terminal) | json (JSON lines on stderr) | none', default: 'auto' },
    config: { type: 'string', description: 'Config file (default: ./fathom.config.json when present): models.hubUrl', valueHint: 'path' },
    json,
  },
  async run({ args, data }) {
    const io = ioOf(data);
    const cacheDir = cacheOf(io, args['cache-dir']);
    const hubUrl = (args.hub as string | undefined) ?? io.env.FATHOM_MODEL_HUB ?? loadConfig({ cwd: io.cwd, path: args.config as string | undefined }).models?.hubUrl ?? 'https://huggingface.co';
    const onProgress = _progress(io, String(args.progress));
    const result = await pullModel({ name: String(args.name), cacheDir, hubUrl, revision: args.revision as string | undefined, token: io.env.HF_TOKEN, onProgress, signal: io.signal });
    if (onProgress && io.isTTY && String(args.progress) === 'auto') io.err('\n');
    for (const w of result.warnings) io.err(`warning: ${w.message}\n`);
    emit(io, Boolean(args.json), { ...result.model, cached: result.cached, warnings: result.warnings }, () =>
      [`${result.cached ? 'Already in the cache' : 'Pulled'}: ${result.model.name} (${formatBytes(result.model.bytes)}${result.model.commit ? `, commit ${result.model.commit.slice(0, 12)}` : ''}), checksums verified`, `  ${result.model.path}`, _useIt(result.model)].filter(Boolean).join('\n'));
    return 0;
  },
});

const list = defineCommand({
  meta: { name: 'list', description: 'List pulled models (or, with --available, the recommended ones)' },
  args: { available: { type: 'boolean', description: 'List the catalogue of recommended models instead' }, 'cache-dir': cacheDirArg, json },
  run({ args, data }) {
    const io = ioOf(data);
    if (args.available) {
      emit(io, Boolean(args.json), { models: modelCatalog }, () => modelCatalog.map((m) => `${m.name.padEnd(24)} ${m.role.padEnd(10)} ${m.format}  ~${formatBytes(m.approxBytes).padEnd(8)} ${m.description}`).join('\n'));
      return 0;
    }
    const cacheDir = cacheOf(io, args['cache-dir']);
    const models = listModels({ cacheDir });
    emit(io, Boolean(args.json), { cacheDir, models }, () =>
      models.length === 0 ? `No models in ${cacheDir}. Pull one: fathom models pull ${modelCatalog[0]!.name}` : models.map((m) => `${m.name.padEnd(24)} ${formatBytes(m.bytes).padStart(8)}  ${m.path}`).join('\n'));
    return 0;
  },
});

const rm = defineCommand({
  meta: { name: 'rm', description: 'Delete a pulled model from the cache' },
  args: { name: { type: 'positional', description: 'Name as `fathom models list` shows it', required: true }, 'cache-dir': cacheDirArg, json },
  run({ args, data }) {
    const io = ioOf(data);
    const removed = removeModel({ cacheDir: cacheOf(io, args['cache-dir']), name: String(args.name) });
    emit(io, Boolean(args.json), { removed }, () => `Removed ${removed.name} (${formatBytes(removed.bytes)} freed)`);
    return 0;
  },
});

export const modelsCommand = defineCommand({
  meta: { name: 'models', description: 'Local models: pull (with checksum check), list, rm; cached outside node_modules' },
  subCommands: { pull, list, rm },
});

function _progress(io: CliIO, mode: string): ((p: PullProgress) => void) | undefined {
  if (mode === 'json') return (p) => io.err(`${JSON.stringify({ progress: p })}\n`);
  if (mode !== 'auto' || !io.isTTY) return undefined;
  return (p) => {
    const pct = p.total ? ` ${Math.floor((p.loaded / p.total) * 100)}%` : '';
    io.err(`\r\x1b[2Kpulling ${p.file}${pct} ${formatBytes(p.loaded)}${p.total ? ` / ${formatBytes(p.total)}` : ''}`);
  };
}

function _useIt(m: PulledModel): string {
  const path = JSON.stringify(m.path);
  if (m.role === 'generation' || m.format === 'gguf') return `Use it: "generation": { "provider": "llama-cpp", "model": ${path} } in fathom.config.json`;
  if (m.role === 'embedding' || m.role === 'rerank') return `Use it: "${m.role}": { "provider": "transformers-js", "model": ${JSON.stringify(m.repo)} } in fathom.config.json (found offline in the cache)`;
  return '';
}
