import type { QueryLogEntry } from '../spec/audit.js';
import { _draw } from './_draw.js';

/** Options of {@link sampleEntry}. */
export interface SamplerOptions {
  /** Share of answered queries scored, (0, 1]. @default 0.1 */
  rate?: number;
  /** Rates per stratum (`tenant/pipeline` or `pipeline`), overriding `rate`: e.g. score all of a new pipeline. */
  rates?: Record<string, number>;
  /** Only entries for which this returns true are candidates (e.g. a metadata field, a model). */
  filter?: (entry: QueryLogEntry) => boolean;
}

/** The pipeline an entry belongs to: `metadata.pipeline` when the caller set one, else the answering model. */
export const pipelineOf = (e: QueryLogEntry): string => String((e.metadata as Record<string, unknown> | undefined)?.pipeline ?? e.model ?? 'unknown');

/** The stratum key of an entry (tenant and pipeline). */
export const stratumOf = (e: QueryLogEntry): string => `${e.tenant}/${pipelineOf(e)}`;

/**
 * Whether to score an entry, and at which rate: answered (`ask`), not redacted, passing the filter, and drawn at
 * its stratum's rate (stratified: each tenant/pipeline keeps its own share, so a small pipeline is not drowned).
 */
export function sampleEntry(entry: QueryLogEntry, { rate = 0.1, rates = {}, filter }: SamplerOptions = {}): { sampled: boolean; stratum: string; rate: number } {
  const stratum = stratumOf(entry);
  const r = rates[stratum] ?? rates[pipelineOf(entry)] ?? rate;
  const eligible = entry.kind === 'ask' && entry.answer !== undefined && !entry.redacted && (filter ? filter(entry) : true);
  return { sampled: eligible && _draw(entry.id) < r, stratum, rate: r };
}
