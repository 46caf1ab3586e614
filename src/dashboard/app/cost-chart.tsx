/** Monthly cost per option over query volume (uPlot, canvas); the same numbers are in the break-even table. */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import type { CostModel } from '../../spec/decision.js';

const _COLORS = ['#0b57d0', '#b3261e', '#146c2e', '#7d5260', '#8a6100'];

export function CostChart({ chart }: { chart: CostModel['chart'] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const xs = [...new Set(chart.series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
    const ys = chart.series.map((s) => {
      const at = new Map(s.points);
      return xs.map((x) => at.get(x) ?? null);
    });
    const plot = new uPlot({
      width: Math.min(900, el.current.clientWidth || 720), height: 300,
      scales: { x: { time: false } },
      axes: [{ label: 'queries / month' }, { label: 'US$ / month' }],
      series: [{ label: 'queries' }, ...chart.series.map((s, i) => ({ label: s.name, stroke: _COLORS[i % _COLORS.length], width: 2, spanGaps: true, points: { show: false } }))],
    }, [xs, ...ys] as uPlot.AlignedData, el.current);
    return () => plot.destroy();
  }, [chart]);
  return <div ref={el} class="chart" role="img" aria-label={`Monthly cost of ${chart.series.map((s) => s.name).join(', ')} up to ${chart.xMax.toLocaleString('en-US')} queries per month`} />;
}
