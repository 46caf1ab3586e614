/** One item of {@link abstention}: whether it should be abstained on, and whether it was. */
export interface AbstentionInput {
  items: ReadonlyArray<{ answerable: boolean; abstained: boolean }>;
}

/** Output of {@link abstention}. */
export interface AbstentionResult {
  /** Abstentions on unanswerable items / all abstentions; undefined when nothing was abstained. */
  precision: number | undefined;
  /** Abstentions on unanswerable items / unanswerable items; undefined when there are none. */
  recall: number | undefined;
}

/** Abstention precision and recall over a run (the positive class is "unanswerable"). */
export function abstention({ items }: AbstentionInput): AbstentionResult {
  let abstained = 0;
  let unanswerable = 0;
  let hits = 0;
  for (const it of items) {
    if (it.abstained) abstained++;
    if (!it.answerable) unanswerable++;
    if (it.abstained && !it.answerable) hits++;
  }
  return { precision: abstained === 0 ? undefined : hits / abstained, recall: unanswerable === 0 ? undefined : hits / unanswerable };
}
