/**
 * One pass over the audit log of `count` consecutive windows of `length` ms from `start`, into per-window aggregates.
 * Memory is bounded: entries are read in pages of at most `_page` (a page that would hold more is read again in a
 * shorter time range), observed, and dropped; what stays is each window's aggregates and one map of query terms to
 * the last two windows each was seen in (how the "new terms" of every window are counted in the same pass).
 */
import type { QueryLogEntry } from '../spec/audit.js';
import type { Store } from '../spec/store.js';
import { FathomError } from '../util/errors.js';
import { _observe } from './_observe.js';
import { _addObservation, _newWindow, type _Window } from './_window-stats.js';

/** Entries held at once, at most (default). */
const _page = 5000;
/** Longest time range read at once (windows are read in slices of this, each newest first). */
const _slice = 6 * 3_600_000;
const _base = 2 ** 20;

export interface _ScanOptions {
  store: Store;
  tenant: string;
  start: number;
  length: number;
  count: number;
  baselineWindows: number;
  sufficiency: number;
  /** Called with every entry read and its window index (e.g. to sample query texts). */
  onEntry?: (entry: QueryLogEntry, window: number) => void;
  signal?: AbortSignal;
  /** Entries read at once, at most. @default 10000 */
  pageSize?: number;
}

export async function _scanWindows(o: _ScanOptions): Promise<_Window[]> {
  const windows = Array.from({ length: o.count }, (_, i) => _newWindow(i + 1));
  // term → (last window it was seen in) * _base + (the window before that, + 1)
  const seen = new Map<string, number>();
  let span = _slice; // the time range a page covers, learned from the density of the log
  for (let i = 0; i < o.count; i++) {
    const from = o.start + i * o.length;
    const to = from + o.length;
    const observe = (e: QueryLogEntry) => {
      if (e.at < from || e.at >= to) return; // a backend may ignore `until`
      const obs = _observe(e, o.sufficiency);
      let gap = obs.terms.length ? 0 : Infinity;
      for (const w of obs.terms) {
        const code = seen.get(w);
        const last = code === undefined ? -1 : Math.floor(code / _base);
        const before = last === i ? (code! % _base) - 1 : last;
        gap = Math.max(gap, before < 0 ? Infinity : i - before);
        if (last !== i) seen.set(w, i * _base + last + 1);
      }
      _addObservation(windows[i]!, obs, gap, o.baselineWindows);
      o.onEntry?.(e, i);
    };
    for (let since = from; since < to; since += _slice) span = await _readNewestFirst(o, since, Math.min(to, since + _slice), span, observe);
  }
  return windows;
}

/**
 * Entries of [since, until) newest first, in pages of at most `pageSize` (shorter ranges where the log is dense);
 * returns the range length that last fit a page.
 */
async function _readNewestFirst(o: _ScanOptions, since: number, until: number, initialSpan: number, observe: (e: QueryLogEntry) => void): Promise<number> {
  const max = o.pageSize ?? _page;
  let end = until;
  let span = initialSpan;
  while (end > since) {
    if (o.signal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: 'The drift check was interrupted; run it again.' });
    const begin = Math.max(since, end - span);
    const single = end - begin <= 1;
    const page = await o.store.listQueryLog({ tenant: o.tenant, since: begin, until: end, ...(single ? {} : { limit: max + 1 }) });
    if (page.length > max && !single) {
      span = Math.max(1, Math.floor((end - begin) / 2));
      continue;
    }
    for (const e of page) observe(e);
    end = begin;
    if (page.length < max / 4) span = Math.min(_slice, span * 2);
  }
  return span;
}
