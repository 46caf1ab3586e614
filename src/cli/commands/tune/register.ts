import { defineCommand } from 'citty';
import type { TunedModelKind } from '../../../spec/tune-backend.js';
import { FathomError } from '../../../util/errors.js';
import { registerTunedModel } from '../../../tune/registry/index.js';
import { addTuneJobArtifact, requireTuneJob } from '../../../tune/jobs/index.js';
import { commonArgs } from '../../common-args.js';
import { resolvePath } from '../../config.js';
import { cliContext, withStore } from '../../context.js';
import { emit } from '../../io.js';
import { _abs } from './start.js';

const kinds = ['gguf', 'gguf-lora', 'openai-compatible'] as const;

export const registerCommand = defineCommand({
  meta: { name: 'register', description: 'Record a tuned model (GGUF, GGUF LoRA adapter, or a model on an OpenAI-compatible server) in .fathom/models.json' },
  args: {
    ...commonArgs,
    name: { type: 'string', description: 'Name to refer to the model by', required: true },
    kind: { type: 'string', schema: { enum: ['gguf', 'gguf-lora', 'openai-compatible'] }, description: 'gguf | gguf-lora | openai-compatible', required: true },
    path: { type: 'string', description: 'The .gguf file (gguf, gguf-lora)', valueHint: 'file.gguf' },
    'base-model': { type: 'string', description: 'gguf-lora: the base GGUF file; otherwise the base model id' },
    'base-url': { type: 'string', description: 'openai-compatible: server root, e.g. http://gpu:8000/v1' },
    'model-id': { type: 'string', description: 'openai-compatible: model id at the server (a hosted job\'s resulting model)' },
    job: { type: 'string', description: 'Attach the model to this recorded job (and take its resulting model id)' },
    force: { type: 'boolean', description: 'Replace a model of the same name' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const a = ctx.args;
    if (!(kinds as readonly string[]).includes(String(a.kind))) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--kind must be one of ${kinds.join(', ')} (got "${String(a.kind)}").` });
    const kind = a.kind as TunedModelKind;
    return withStore(c, async (store) => {
      const job = a.job === undefined ? undefined : await requireTuneJob({ store, tenant: c.tenant, id: String(a.job) });
      const baseModel = a['base-model'] === undefined ? job?.baseModel : kind === 'gguf-lora' ? _abs(c, a['base-model']) : String(a['base-model']);
      const record = await registerTunedModel({
        registryPath: resolvePath(c.config, '.fathom/models.json'), name: String(a.name), kind, path: _abs(c, a.path), baseModel,
        baseURL: a['base-url'] === undefined ? undefined : String(a['base-url']), modelId: a['model-id'] === undefined ? job?.fineTunedModel : String(a['model-id']), overwrite: Boolean(a.force),
      });
      if (job) await addTuneJobArtifact({ store, tenant: c.tenant, id: job.id, artifact: { kind: 'registered-model', name: record.name, ...(record.path ? { path: record.path } : {}), detail: { kind: record.kind } } });
      emit(c.io, c.json, record, () => `registered ${record.name} (${record.kind})${job ? ` from job ${job.id}` : ''}`);
      return 0;
    }, { create: true });
  },
});
