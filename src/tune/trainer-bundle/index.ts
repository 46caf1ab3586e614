/** Trainer bundles: a TRL / Axolotl / Unsloth project to fine-tune on the user's own GPU. */
export { exportTrainerBundle, type ExportTrainerBundleOptions, type TrainerBundleManifest } from './export-trainer-bundle.js';
