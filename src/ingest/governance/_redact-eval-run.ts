/**
 * One evaluation run with a deleted document's text removed, in place: every result that retrieved, was given or
 * cited the document (or one of its chunks), every result of an item whose expected sources name it (its question
 * and answers may quote it) and those golden items. Shared by run files (`_redact-eval-artifacts.ts`) and runs kept
 * in the store's meta rows by the server (`_redact-stored-eval-runs.ts`).
 */
import type { QueryLogRedaction } from '../../spec/audit.js';
import type { EvalItemResult, EvalRun, GoldenItem } from '../../spec/evaluation.js';
import { collectDocumentIds } from '../../util/collect-document-ids.js';
import { _redactEvalResult, _redactGoldenItem } from './_redact-eval-result.js';

export interface _Target {
  documentIds: Set<string>;
  chunkIds: Set<string>;
}

export const _touches = (value: unknown, t: _Target): boolean =>
  [...collectDocumentIds(value)].some((d) => t.documentIds.has(d)) || [...collectDocumentIds(value, ['chunkId'])].some((c) => t.chunkIds.has(c));

/** A result already redacted (its text is gone) is not redacted again. */
const _pending = (r: EvalItemResult | undefined): r is EvalItemResult => Boolean(r) && !r!.redacted;

const _itemTouches = (item: GoldenItem, t: _Target) => item.sources.some((s) => ('documentId' in s && t.documentIds.has(s.documentId)) || ('chunkId' in s && t.chunkIds.has(s.chunkId)));

/** Redacts `run` in place; returns what it changed (`items`: the golden item ids whose sources name the document). */
export function _redactEvalRun(run: EvalRun, t: _Target, redaction: QueryLogRedaction): { results: number; goldenItems: number; items: Set<string>; what: string } {
  const items = new Set((run.items ?? []).filter((i) => _itemTouches(i, t)).map((i) => i.id));
  let results = 0;
  const itemIds = new Set<string>();
  run.results = run.results.map((r) => {
    if (!_pending(r) || !(items.has(r.itemId) || _touches(r, t))) return r;
    results++;
    itemIds.add(r.itemId);
    return _redactEvalResult(r, redaction);
  });
  const goldenItems = (run.items ?? []).filter((i) => items.has(i.id) && !i.metadata?.redacted).length;
  if (run.items && goldenItems) run.items = run.items.map((i) => (items.has(i.id) && !i.metadata?.redacted ? _redactGoldenItem(i, redaction) : i));
  return { results, goldenItems, items, what: `${results} results of ${itemIds.size} items (questions, answers, sources)${goldenItems ? `, ${goldenItems} golden items` : ''}` };
}
