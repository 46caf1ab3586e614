/** The data-readiness audit (`fathom audit`): problems of the stored corpus to fix before (and while) answering from it. */

export type ReadinessFindingType =
  | 'stale' | 'duplicate' | 'near-duplicate' | 'conflict' | 'no-owner' | 'never-retrieved' | 'extraction-warning' | 'empty' | 'oversized';

export type ReadinessSeverity = 'info' | 'warning' | 'error';

export interface ReadinessFinding {
  type: ReadinessFindingType;
  severity: ReadinessSeverity;
  /** The documents involved (one, or a cluster / the conflicting pair). */
  documents: string[];
  /** What is wrong and what to do. */
  message: string;
  /** Type-specific facts: age in days, similarity, the conflicting statements, … */
  details?: Record<string, unknown>;
}

export interface ReadinessReport {
  tenant: string;
  /** Epoch ms. */
  at: number;
  documents: number;
  findings: ReadinessFinding[];
  /** Findings per type and per severity. */
  counts: { byType: Partial<Record<ReadinessFindingType, number>>; bySeverity: Partial<Record<ReadinessSeverity, number>> };
}
