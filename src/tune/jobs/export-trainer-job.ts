import { stat } from 'node:fs/promises';
import type { TuneDataFileRef, TuneJobRecord } from '../../spec/tune-job.js';
import type { Internal } from '../../util/clock.js';
import { generateId } from '../../util/ids.js';
import { exportTrainerBundle, type ExportTrainerBundleOptions, type TrainerBundleManifest } from '../trainer-bundle/index.js';
import type { _MetaStore } from './_job-keys.js';
import { saveTuneJob } from './save-tune-job.js';

/** Options of {@link exportTrainerJob}: the bundle's options plus where to record it. */
export interface ExportTrainerJobOptions extends Omit<ExportTrainerBundleOptions, '_internal'> {
  store: _MetaStore;
  tenant: string;
  _internal?: Partial<Internal>;
}

/**
 * Writes a TRL / Axolotl / Unsloth bundle ({@link exportTrainerBundle}) and records it as a job with status
 * `exported`, the data hashes, the LoRA settings and the bundle folder as its artifact. Register the trained
 * adapter later with `registerTunedModel` and attach it with `addTuneJobArtifact`.
 */
export async function exportTrainerJob({ store, tenant, _internal: { now = Date.now, generateId: newId = generateId } = {}, ...bundle }: ExportTrainerJobOptions): Promise<{ job: TuneJobRecord; outDir: string; manifest: TrainerBundleManifest }> {
  const { outDir, manifest } = await exportTrainerBundle({ ...bundle, _internal: { now } });
  const ref = async (d: TrainerBundleManifest['data']['train']): Promise<TuneDataFileRef> => ({ path: d.source, sha256: d.sourceSha256, bytes: (await stat(d.source)).size });
  const at = now();
  const c = manifest.config;
  const job: TuneJobRecord = {
    id: newId('tj_'), tenant, kind: 'trainer-bundle', backend: bundle.trainer, status: 'exported', baseModel: bundle.baseModel,
    hyperparameters: { nEpochs: c.epochs, learningRate: c.learningRate, batchSize: c.batchSize, lora: { enabled: true, rank: c.lora.r, alpha: c.lora.alpha, dropout: c.lora.dropout, targetModules: c.lora.targetModules } },
    data: { train: await ref(manifest.data.train), ...(manifest.data.validation ? { validation: await ref(manifest.data.validation) } : {}) },
    events: [], warnings: manifest.warnings, createdAt: at, updatedAt: at,
    artifacts: [{ kind: 'trainer-bundle', path: outDir, at: new Date(at).toISOString(), detail: { trainer: bundle.trainer, qlora: c.qlora, files: manifest.files } }],
  };
  await saveTuneJob({ store, tenant, job });
  return { job, outDir, manifest };
}
