/** Training (and validation) loss by step from a tune job's metrics events (`data: { step, train_loss, valid_loss }`), with uPlot. */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import type { TuneEvent } from '../../spec/tune-backend.js';

type _Metric = { step: number; train?: number; valid?: number };

/** The loss points of the events, by step (events without a numeric step and loss are skipped). */
export function lossPoints(events: TuneEvent[]): _Metric[] {
  const out: _Metric[] = [];
  for (const e of events) {
    const d = e.data as Record<string, unknown> | undefined;
    const n = (k: string) => (typeof d?.[k] === 'number' && Number.isFinite(d[k]) ? (d[k] as number) : undefined);
    const step = n('step');
    const train = n('train_loss') ?? n('loss');
    const valid = n('valid_loss') ?? n('eval_loss');
    if (step !== undefined && (train !== undefined || valid !== undefined)) out.push({ step, train, valid });
  }
  return out.sort((a, b) => a.step - b.step);
}

export function LossChart({ points }: { points: _Metric[] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const valid = points.some((p) => p.valid !== undefined);
    const plot = new uPlot({
      width: Math.min(640, el.current.clientWidth || 600), height: 220, scales: { x: { time: false } }, axes: [{ label: 'step' }, { label: 'loss' }],
      series: [{ label: 'step' }, { label: 'train loss', stroke: '#0b57d0', width: 2, spanGaps: true }, ...(valid ? [{ label: 'validation loss', stroke: '#b3261e', width: 2, spanGaps: true }] : [])],
    }, [points.map((p) => p.step), points.map((p) => p.train ?? null), ...(valid ? [points.map((p) => p.valid ?? null)] : [])] as uPlot.AlignedData, el.current);
    return () => plot.destroy();
  }, [points]);
  const last = points.at(-1);
  return <div ref={el} class="chart" data-testid="loss-chart" role="img" aria-label={`Loss over ${points.length} logged steps${last?.train !== undefined ? `, last train loss ${last.train} at step ${last.step}` : ''}`} />;
}
