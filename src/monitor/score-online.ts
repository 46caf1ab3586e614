import type { OnlineScores, OnlineVerdict } from '../spec/monitor.js';
import type { Judge } from '../spec/judge.js';
import type { Store } from '../spec/store.js';
import { FathomError } from '../util/errors.js';
import { _draw } from './_draw.js';
import { _judgeable, _judgeEntry } from './_judge-entry.js';
import { _withTimeout } from './_with-timeout.js';
import { sampleEntry, type SamplerOptions } from './sample-entry.js';
import { scoreEntry } from './score-entry.js';

/** Store meta key of the scoring cursor (the last entry scored). */
export const scoreCursorKey = 'monitor.score.cursor';
export const onlineScorer = 'online-v1';

/**
 * Judge verdicts in online scoring (`fathom monitor score --judge`, `monitor.judge` of `fathom serve`): which
 * judges, on which share of the scored answers, how many per run and how long to wait for one answer's verdicts.
 */
export interface OnlineJudging {
  /**
   * Judges (`createOnlineJudges`: the reference-free `faithfulness` and `relevance` rubrics) run on sampled answers
   * that did not abstain; their structured verdicts are stored in `online.verdicts`, their mean score and agreement
   * in `judgeScore` / `judgeAgreement`. A judge that fails (other than by the timeout) stops the run (the next run
   * resumes). @default []
   */
  judges?: Judge[];
  /** Share of the scored answers sent to the judges, (0, 1] (a stable draw per entry). @default 1 */
  judgeRate?: number;
  /** Answers sent to the judges per run at most; the others are scored without verdicts (a cost cap per cycle). @default no limit */
  maxJudgedPerRun?: number;
  /** Longest wait for one answer's verdicts (ms); past it the call is aborted and the answer scored without verdicts. @default no limit */
  judgeTimeoutMs?: number;
}

/** Options of {@link scoreOnline}. */
export interface ScoreOnlineOptions extends SamplerOptions, OnlineJudging {
  store: Store;
  tenant: string;
  /** Score entries logged at or after this time (epoch ms); the stored cursor moves it later. @default 24 hours ago */
  since?: number;
  /** Ignore the stored cursor (re-score the window). @default false */
  restart?: boolean;
  /** Entries read per page. @default 2000 */
  batchSize?: number;
  signal?: AbortSignal;
  _internal?: { now?: () => number };
}

export interface ScoreOnlineResult {
  /** Entries read (answered or not). */
  read: number;
  scored: number;
  /** Scored entries that got judge verdicts (0 without judges). */
  judged: number;
  /** With judges: answers scored without verdicts because they were not drawn (`judgeRate`), past `maxJudgedPerRun`, or timed out. */
  judgeSkipped?: { notDrawn: number; overLimit: number; timedOut: number };
  /** Scored entries per stratum. */
  byStratum: Record<string, number>;
  /** The cursor after the run: a later run resumes after it. */
  cursor: { at: number; ids: string[] } | undefined;
}

const _mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Online evaluation: sample answered queries from the audit log and store reference-free scores with each
 * sampled entry. Resumable: the last scored position is kept in store meta (`monitor.score.cursor`) after every
 * page, so an interrupted run (or the next scheduled one) continues where it stopped, and sampling is a
 * stable draw per entry id (a re-run never samples differently). Usable as a server background job.
 */
export async function scoreOnline(options: ScoreOnlineOptions): Promise<ScoreOnlineResult> {
  const { store, tenant, restart = false, judges = [], judgeRate = 1, maxJudgedPerRun = Infinity, judgeTimeoutMs, batchSize = 2000, signal, _internal = {}, ...sampler } = options;
  const now = _internal.now ?? Date.now;
  if (!store.annotateQueryLog) throw new FathomError({ code: 'INVALID_CONFIG', message: `The ${store.provider} store cannot store online scores (no annotateQueryLog): use the SQLite store.` });
  const since = options.since ?? now() - 86_400_000;
  const saved = restart ? undefined : await store.getMeta({ tenant, key: scoreCursorKey });
  let cursor = saved ? (JSON.parse(saved) as { at: number; ids: string[] }) : undefined;
  if (cursor && cursor.at < since) cursor = undefined;
  const from = Math.max(since, cursor?.at ?? since);
  const done = new Set(cursor?.ids ?? []);
  const entries = (await store.listQueryLog({ tenant, since: from })).reverse(); // oldest first
  const result: ScoreOnlineResult = { read: 0, scored: 0, judged: 0, byStratum: {}, cursor, ...(judges.length ? { judgeSkipped: { notDrawn: 0, overLimit: 0, timedOut: 0 } } : {}) };
  let attempts = 0;
  for (let i = 0; i < entries.length; i += batchSize) {
    if (signal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: 'Online scoring was interrupted; run it again to resume from the cursor.' });
    for (const entry of entries.slice(i, i + batchSize)) {
      if (entry.at === cursor?.at && done.has(entry.id)) continue;
      result.read++;
      const s = sampleEntry(entry, sampler);
      if (s.sampled && !entry.online) {
        const metrics = scoreEntry(entry);
        let verdicts: OnlineVerdict[] = [];
        if (judges.length && _judgeable(entry)) {
          const skipped = result.judgeSkipped!;
          if (_draw(`${entry.id}#judge`) >= judgeRate) skipped.notDrawn++;
          else if (attempts >= maxJudgedPerRun) skipped.overLimit++;
          else {
            attempts++;
            const judged = await _withTimeout(judgeTimeoutMs, signal, (s) => _judgeEntry({ store, tenant, entry, judges, signal: s }));
            if (judged === 'timeout') skipped.timedOut++;
            else verdicts = judged;
          }
        }
        if (verdicts.length) {
          result.judged++;
          metrics.judgeScore = _mean(verdicts.map((v) => v.score));
          const agreed = verdicts.filter((v) => v.agreement !== undefined).map((v) => v.agreement!);
          if (agreed.length) metrics.judgeAgreement = _mean(agreed);
        }
        const online: OnlineScores = { at: now(), scorer: onlineScorer, stratum: s.stratum, rate: s.rate, metrics, ...(verdicts.length ? { verdicts } : {}) };
        await store.annotateQueryLog({ tenant, id: entry.id, at: entry.at, online });
        result.scored++;
        result.byStratum[s.stratum] = (result.byStratum[s.stratum] ?? 0) + 1;
      }
      cursor = cursor?.at === entry.at ? { at: entry.at, ids: [...cursor.ids, entry.id] } : { at: entry.at, ids: [entry.id] };
      if (cursor.ids.length === 1) done.clear();
      done.add(entry.id);
    }
    if (cursor) await store.setMeta({ tenant, key: scoreCursorKey, value: JSON.stringify(cursor) });
  }
  result.cursor = cursor;
  return result;
}
