/**
 * Fine-tuning jobs as fathom records them in the store: a hosted job (upload, create, follow, cancel) or an
 * exported trainer bundle for a GPU machine, with its data hashes, events, result and artifacts. Stored per
 * tenant as JSON under the store's key/value meta (`tune:job:<id>`, index `tune:jobs`).
 */
import type { Warning } from './embedding-model.js';
import type { TuneEvent, TuneHyperparameters, TuneJobStatus } from './tune-backend.js';

/** Status of a recorded job: a provider status, or `exported` for a trainer bundle that runs elsewhere. */
export type TuneJobRecordStatus = TuneJobStatus | 'exported';

/** One data file a job trained on. */
export interface TuneDataFileRef {
  /** Absolute path when recorded. */
  path: string;
  /** Hex SHA-256 of the file's bytes: which data a model was trained on. */
  sha256: string;
  bytes: number;
  /** The provider's file id after upload (hosted jobs). */
  fileId?: string;
}

/** Something a job produced or that was attached to it later. */
export interface TuneJobArtifact {
  kind: 'trainer-bundle' | 'registered-model' | 'gate-report' | 'training-set' | (string & {});
  /** File or folder, when the artifact lives on disk. */
  path?: string;
  /** Name, e.g. the registered model's name. */
  name?: string;
  /** ISO timestamp. */
  at: string;
  /** Small structured detail (a bundle's trainer, a gate's verdict…). */
  detail?: Record<string, unknown>;
}

/** A fine-tuning job recorded by fathom. */
export interface TuneJobRecord {
  /** fathom's id (`tj_…`); stable across refreshes. */
  id: string;
  tenant: string;
  /** `hosted`: a job at a fine-tuning API; `trainer-bundle`: an exported TRL / Axolotl / Unsloth bundle. */
  kind: 'hosted' | 'trainer-bundle';
  /** Backend or trainer name: `together`, `openai`, `mistral`, `fireworks`, … or `trl`, `axolotl`, `unsloth`. */
  backend: string;
  /** API root of a hosted backend (no credentials are ever recorded). */
  baseURL?: string;
  /** The provider's job id (hosted). */
  providerJobId?: string;
  status: TuneJobRecordStatus;
  /** The provider's own status word, as last seen. */
  providerStatus?: string;
  baseModel: string;
  hyperparameters?: TuneHyperparameters;
  suffix?: string;
  data: { train: TuneDataFileRef; validation?: TuneDataFileRef };
  /** Events seen so far, oldest first. */
  events: TuneEvent[];
  /** The resulting model id once the job succeeded. */
  fineTunedModel?: string;
  error?: { code?: string; message: string };
  artifacts: TuneJobArtifact[];
  warnings: Warning[];
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
}
