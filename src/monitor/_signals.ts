/** The drift signals of a check, each a test with a threshold, over observations of two windows. */
import type { DriftSignal, DriftSignalName } from '../spec/monitor.js';
import type { DriftThresholds } from './drift-thresholds.js';
import type { _Observation } from './_observe.js';
import { _cap, _termDivergence, type _Divergence } from './_divergence.js';
import { _ks, _median, _proportionRise } from './_stats.js';

interface _Input {
  current: _Observation[];
  baseline: _Observation[];
  t: DriftThresholds;
  /** Start of the baseline's last window: its queries against the rest give the expected new-term share. */
  refFrom: number;
  stale?: { at: (documentId: string) => boolean; baseAt: (documentId: string) => boolean };
}

const _fmt = (x: number) => Number(x.toFixed(4));

function _rate(name: DriftSignalName, cur: boolean[], base: boolean[], rise: number, t: DriftThresholds): DriftSignal {
  const k1 = cur.filter(Boolean).length;
  const k0 = base.filter(Boolean).length;
  const current = cur.length ? k1 / cur.length : 0;
  const baseline = base.length ? k0 / base.length : 0;
  const p = _proportionRise(k1, cur.length, k0, base.length);
  const enough = cur.length >= t.minSamples && base.length >= t.minSamples;
  return {
    name, current: _fmt(current), baseline: _fmt(baseline), threshold: `rise ≥ ${rise} with p < ${t.alpha}`, pValue: _fmt(p), n: { current: cur.length, baseline: base.length },
    status: !enough ? 'insufficient-data' : current - baseline >= rise && p < t.alpha ? 'alert' : 'ok',
  };
}

/** A distribution shift in the bad direction (`down`: lower is worse; otherwise higher is worse, by `ratio` of medians). */
function _shift(name: DriftSignalName, cur: number[], base: number[], t: DriftThresholds, worse: 'down' | 'up', ratio = 1): DriftSignal {
  const { d, p } = _ks(cur, base);
  const mc = _median(cur);
  const mb = _median(base);
  const bad = worse === 'down' ? mc < mb : mc > mb * ratio;
  const enough = cur.length >= t.minSamples && base.length >= t.minSamples;
  return {
    name, current: _fmt(mc), baseline: _fmt(mb), threshold: `KS D ≥ ${t.ksD} with p < ${t.alpha}, median ${worse === 'down' ? 'lower' : `×${ratio} higher`} (D = ${_fmt(d)})`,
    pValue: _fmt(p), n: { current: cur.length, baseline: base.length },
    status: !enough ? 'insufficient-data' : d >= t.ksD && p < t.alpha && bad ? 'alert' : 'ok',
  };
}

/**
 * A divergence with a permutation null: `current` is the statistic, `baseline` its expectation without a shift;
 * alerts when the effect (by default their difference) ≥ `rise` with p < alpha.
 */
export function _divergenceSignal(name: DriftSignalName, d: _Divergence & { effect?: number }, threshold: string, rise: number, t: DriftThresholds): DriftSignal {
  const enough = d.n.current >= t.minSamples && d.n.baseline >= t.minSamples;
  const effect = d.effect ?? d.statistic - d.expected;
  return {
    name, current: _fmt(d.statistic), baseline: _fmt(d.expected), threshold: `${threshold} (effect ${_fmt(effect)})`,
    pValue: _fmt(d.pValue), n: d.n, status: !enough ? 'insufficient-data' : effect >= rise && d.pValue < t.alpha ? 'alert' : 'ok',
  };
}

/** Queries per side the divergence tests read at most (a seeded sample beyond). */
export const _divergenceCap = 5000;

const _nums = (obs: _Observation[], f: (o: _Observation) => number | undefined) => obs.map(f).filter((x): x is number => typeof x === 'number' && Number.isFinite(x));

/** Share of queries with at least one term outside `vocabulary`. */
const _novel = (obs: _Observation[], vocabulary: Set<string>) => obs.filter((o) => o.terms.length > 0).map((o) => o.terms.some((w) => !vocabulary.has(w)));

export function _signals({ current, baseline, t, refFrom, stale }: _Input): DriftSignal[] {
  const vocabulary = new Set(baseline.flatMap((o) => o.terms));
  const older = baseline.filter((o) => o.at < refFrom);
  const reference = _novel(baseline.filter((o) => o.at >= refFrom), new Set(older.flatMap((o) => o.terms)));
  const answered = (obs: _Observation[]) => obs.filter((o) => o.answered);
  const given = (obs: _Observation[]) => answered(obs).filter((o) => !o.abstained);
  const signals: DriftSignal[] = [
    _rate('new-terms', _novel(current, vocabulary), reference, t.newTermRise, t),
    _divergenceSignal('term-divergence', _termDivergence(
      _cap(current.map((o) => o.terms).filter((q) => q.length), _divergenceCap, 1), _cap(baseline.map((o) => o.terms).filter((q) => q.length), _divergenceCap, 2),
      { minTermCount: t.minTermQueries, threshold: t.termDivergence, seed: 0x5eed },
    ), `Jensen–Shannon divergence (bits) of query terms − its no-shift expectation ≥ ${t.termDivergence} with permutation p < ${t.alpha}`, t.termDivergence, t),
    _rate('no-sufficient-context', current.filter((o) => o.sufficiency !== undefined || o.noContext).map((o) => o.noContext), baseline.filter((o) => o.sufficiency !== undefined || o.noContext).map((o) => o.noContext), t.rateRise, t),
    _shift('top-score-shift', _nums(current, (o) => o.topScore), _nums(baseline, (o) => o.topScore), t, 'down'),
    _shift('sufficiency-shift', _nums(current, (o) => o.sufficiency), _nums(baseline, (o) => o.sufficiency), t, 'down'),
    _rate('abstention-rate', answered(current).map((o) => o.abstained), answered(baseline).map((o) => o.abstained), t.rateRise, t),
    _rate('unsupported-citations', given(current).map((o) => o.unsupported), given(baseline).map((o) => o.unsupported), t.rateRise, t),
  ];
  const judged = _nums(current, (o) => o.judgeScore);
  if (judged.length) signals.push(_shift('judge-score', judged, _nums(baseline, (o) => o.judgeScore), t, 'down'));
  const rated = (obs: _Observation[]) => obs.filter((o) => o.down !== undefined).map((o) => o.down === 1);
  if (rated(current).length) signals.push(_rate('negative-feedback', rated(current), rated(baseline), t.rateRise, t));
  if (stale) {
    const cited = (obs: _Observation[]) => given(obs).filter((o) => o.documentId);
    signals.push(_rate('stale-sources', cited(current).map((o) => stale.at(o.documentId!)), cited(baseline).map((o) => stale.baseAt(o.documentId!)), t.staleRise, t));
  }
  signals.push(_shift('latency-shift', _nums(current, (o) => o.latencyMs), _nums(baseline, (o) => o.latencyMs), t, 'up', t.costRatio));
  const costs = _nums(current, (o) => o.costUsd);
  if (costs.length) signals.push(_shift('cost-shift', costs, _nums(baseline, (o) => o.costUsd), t, 'up', t.costRatio));
  return signals;
}
