/**
 * One drift signal over time (uPlot, canvas): its value in each window, the baseline it was compared with, the
 * alert line for rate signals (baseline + the rise in the threshold), and the alerting windows as red points.
 * The numbers are also in the table under it (the chart is an image to assistive technology).
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import type { DriftSignal } from '../../spec/monitor.js';

export interface SignalPoint { to: number; signal: DriftSignal }

/** The absolute rise of a rate signal's threshold (`rise ≥ 0.1 with p < 0.001`); undefined for shifts. */
export const riseOf = (threshold: string): number | undefined => {
  const m = /^rise ≥ ([\d.]+)/.exec(threshold);
  return m ? Number(m[1]) : undefined;
};

export function SignalChart({ name, points }: { name: string; points: SignalPoint[] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const xs = points.map((p) => p.to / 1000);
    const rise = riseOf(points.at(-1)?.signal.threshold ?? '');
    const series: uPlot.Series[] = [
      {},
      { label: 'current', stroke: '#0b57d0', width: 2 },
      { label: 'baseline', stroke: '#4d5561', width: 1, dash: [6, 4] },
      { label: 'alert', stroke: '#a4151b', width: 0, points: { show: true, size: 9, fill: '#a4151b' } },
    ];
    const data: Array<Array<number | null>> = [
      xs,
      points.map((p) => p.signal.current),
      points.map((p) => p.signal.baseline),
      points.map((p) => (p.signal.status === 'alert' ? p.signal.current : null)),
    ];
    if (rise !== undefined) {
      series.push({ label: 'alert line', stroke: '#b88a00', width: 1, dash: [2, 3] });
      data.push(points.map((p) => p.signal.baseline + rise));
    }
    const plot = new uPlot({ width: Math.min(560, el.current.clientWidth || 520), height: 180, series, axes: [{}, { size: 60 }], legend: { show: true } }, data as uPlot.AlignedData, el.current);
    return () => plot.destroy();
  }, [points]);
  const alerts = points.filter((p) => p.signal.status === 'alert').length;
  return <div ref={el} class="chart" role="img" aria-label={`${name}: value per window against its baseline over ${points.length} windows, ${alerts} alerting`} />;
}
