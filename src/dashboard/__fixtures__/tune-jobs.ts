/** Two recorded fine-tuning jobs of `tenant` (one succeeded with its events and loss, one running) for the tune jobs page. */
import type { TuneJobRecord } from '../../spec/tune-job.js';

const T0 = Date.UTC(2026, 11, 1, 9);
const _data = { train: { path: '/data/train.jsonl', sha256: 'a'.repeat(64), bytes: 48_213, fileId: 'file-train' } };

export function tuneJobs(tenant: string): TuneJobRecord[] {
  const loss = [2.41, 1.87, 1.42, 1.18, 1.05];
  return [
    {
      id: 'tj_support_v1', tenant, kind: 'hosted', backend: 'together', providerJobId: 'ft-123', status: 'succeeded', providerStatus: 'completed', baseModel: 'meta-llama/Llama-3.1-8B-Instruct',
      hyperparameters: { nEpochs: 3 }, suffix: 'support', data: _data, fineTunedModel: 'acme/llama-3.1-8b-support', artifacts: [], warnings: [], createdAt: T0, updatedAt: T0 + 50 * 60_000,
      events: [
        { id: 'e1', createdAt: T0 + 60_000, level: 'info', message: 'Files validated', type: 'status' },
        ...loss.map((l, i) => ({ id: `m${i}`, createdAt: T0 + (10 + i * 8) * 60_000, level: 'info' as const, message: `step ${(i + 1) * 100}: train loss ${l}`, type: 'metrics', data: { step: (i + 1) * 100, train_loss: l } })),
        { id: 'e9', createdAt: T0 + 50 * 60_000, level: 'info', message: 'Job completed: acme/llama-3.1-8b-support', type: 'status' },
      ],
    },
    {
      id: 'tj_support_v2', tenant, kind: 'hosted', backend: 'openai', providerJobId: 'ftjob-456', status: 'running', providerStatus: 'running', baseModel: 'gpt-4.1-mini',
      data: _data, artifacts: [], warnings: [{ type: 'other', message: 'validation set not given: the gate will use a 10% split' }], createdAt: T0 + 86_400_000, updatedAt: T0 + 86_400_000 + 600_000,
      events: [
        { id: 'f1', createdAt: T0 + 86_400_000 + 60_000, level: 'info', message: 'Fine-tuning job started', type: 'status' },
        { id: 'f2', createdAt: T0 + 86_400_000 + 300_000, level: 'warn', message: 'Queue is long: the job may take more than an hour', type: 'message' },
      ],
    },
  ];
}
