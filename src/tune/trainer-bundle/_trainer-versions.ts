/**
 * Python packages pinned in exported bundles. Chosen for mutual compatibility as of mid-2025 (TRL 0.21 uses
 * `SFTConfig.max_length` and `processing_class`); override any pin with `exportTrainerBundle({ versions })`.
 */
export const _trainerVersions = {
  trl: { torch: '2.7.1', transformers: '4.55.4', trl: '0.21.0', peft: '0.17.1', accelerate: '1.10.1', bitsandbytes: '0.47.0', datasets: '4.0.0' },
  axolotl: { torch: '2.7.1', axolotl: '0.12.2' },
  unsloth: { torch: '2.7.1', unsloth: '2025.8.10', trl: '0.21.0', datasets: '4.0.0' },
} as const satisfies Record<string, Record<string, string>>;

/** The usual attention and MLP projections of Llama/Qwen/Mistral-style models (Unsloth needs an explicit list). */
export const _defaultTargetModules = ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'];
