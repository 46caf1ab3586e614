/** The drift signals of a check, each a test with a threshold, over the aggregates of two sides (current, baseline). */
import type { DriftSignal, DriftSignalName } from '../spec/monitor.js';
import type { DriftThresholds } from './drift-thresholds.js';
import { _termDivergence, type _Divergence } from './_divergence.js';
import type { _Count, _Sample, _Side } from './_window-stats.js';
import { _ks, _median, _proportionRise } from './_stats.js';

interface _Input {
  current: _Side;
  baseline: _Side;
  /** New-term counts: the current window's queries against the baseline; the baseline's last window's against the rest (the share expected). */
  novel: { current: _Count; reference: _Count };
  t: DriftThresholds;
  /** Whether a document was stale at the end of the current window, and at the end of the baseline. */
  stale?: { at: (documentId: string) => boolean; baseAt: (documentId: string) => boolean };
}

const _fmt = (x: number) => Number(x.toFixed(4));

function _rate(name: DriftSignalName, cur: _Count, base: _Count, rise: number, t: DriftThresholds): DriftSignal {
  const current = cur.n ? cur.k / cur.n : 0;
  const baseline = base.n ? base.k / base.n : 0;
  const p = _proportionRise(cur.k, cur.n, base.k, base.n);
  const enough = cur.n >= t.minSamples && base.n >= t.minSamples;
  return {
    name, current: _fmt(current), baseline: _fmt(baseline), threshold: `rise ≥ ${rise} with p < ${t.alpha}`, pValue: _fmt(p), n: { current: cur.n, baseline: base.n },
    status: !enough ? 'insufficient-data' : current - baseline >= rise && p < t.alpha ? 'alert' : 'ok',
  };
}

/**
 * A distribution shift in the bad direction (`down`: lower is worse; otherwise higher is worse, by `ratio` of
 * medians); KS and medians on the samples (every value up to the cap), `n` the values seen.
 */
function _shift(name: DriftSignalName, curSample: _Sample<number>, baseSample: _Sample<number>, t: DriftThresholds, worse: 'down' | 'up', ratio = 1): DriftSignal {
  const [cur, base] = [curSample.items, baseSample.items];
  const { d, p } = _ks(cur, base);
  const mc = _median(cur);
  const mb = _median(base);
  const bad = worse === 'down' ? mc < mb : mc > mb * ratio;
  const enough = curSample.seen >= t.minSamples && baseSample.seen >= t.minSamples;
  return {
    name, current: _fmt(mc), baseline: _fmt(mb), threshold: `KS D ≥ ${t.ksD} with p < ${t.alpha}, median ${worse === 'down' ? 'lower' : `×${ratio} higher`} (D = ${_fmt(d)})`,
    pValue: _fmt(p), n: { current: curSample.seen, baseline: baseSample.seen },
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

export function _signals({ current, baseline, novel, t, stale }: _Input): DriftSignal[] {
  const [c, b] = [current.numeric, baseline.numeric];
  const signals: DriftSignal[] = [
    _rate('new-terms', novel.current, novel.reference, t.newTermRise, t),
    _divergenceSignal('term-divergence', _termDivergence(current.terms.items, baseline.terms.items, { minTermCount: t.minTermQueries, threshold: t.termDivergence, seed: 0x5eed }),
      `Jensen–Shannon divergence (bits) of query terms − its no-shift expectation ≥ ${t.termDivergence} with permutation p < ${t.alpha}`, t.termDivergence, t),
    _rate('no-sufficient-context', current.noContext, baseline.noContext, t.rateRise, t),
    _shift('top-score-shift', c.topScore, b.topScore, t, 'down'),
    _shift('sufficiency-shift', c.sufficiency, b.sufficiency, t, 'down'),
    _rate('abstention-rate', current.abstained, baseline.abstained, t.rateRise, t),
    _rate('unsupported-citations', current.unsupported, baseline.unsupported, t.rateRise, t),
  ];
  if (c.judgeScore.seen) signals.push(_shift('judge-score', c.judgeScore, b.judgeScore, t, 'down'));
  if (current.down.n) signals.push(_rate('negative-feedback', current.down, baseline.down, t.rateRise, t));
  if (stale) {
    const count = (cited: Map<string, number>, at: (d: string) => boolean) => [...cited].reduce((s, [d, n]) => ({ k: s.k + (at(d) ? n : 0), n: s.n + n }), { k: 0, n: 0 });
    signals.push(_rate('stale-sources', count(current.cited, stale.at), count(baseline.cited, stale.baseAt), t.staleRise, t));
  }
  signals.push(_shift('latency-shift', c.latencyMs, b.latencyMs, t, 'up', t.costRatio));
  if (c.costUsd.seen) signals.push(_shift('cost-shift', c.costUsd, b.costUsd, t, 'up', t.costRatio));
  return signals;
}
