import type { MetricValues } from '../spec/evaluation.js';

/** Read a metric under its camelCase, kebab-case or snake_case name (evaluators differ in spelling). */
export function _metric(values: MetricValues | undefined, camel: string): number | undefined {
  if (!values) return undefined;
  const kebab = camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  for (const key of [camel, kebab, kebab.replace(/-/g, '_')]) {
    const v = values[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}
