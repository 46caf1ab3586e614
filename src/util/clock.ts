/** Injectable time and ids: the `_internal` seam of every operation. */
export interface Internal {
  /** Epoch milliseconds. */
  now: () => number;
  generateId: (prefix?: string) => string;
}
