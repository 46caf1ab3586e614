/** Escape text for HTML element content and quoted attribute values. */
export function _html(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Escape text for a Markdown table cell: pipes, newlines, and HTML (Markdown renderers pass HTML through). */
export function _mdCell(value: unknown): string {
  return _html(value).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** 0.1234 → "12.3%". */
export function _pct(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

/** A metric value for people: shares as numbers with 3 decimals, latency in ms, cost in dollars. */
export function _num(metric: string, v: number | undefined): string {
  if (v === undefined) return '–';
  if (/cost/i.test(metric)) return `$${v < 0.01 ? v.toPrecision(2) : v.toFixed(2)}`;
  if (/latency|ms$/i.test(metric)) return `${Math.round(v)} ms`;
  if (/tokens/i.test(metric)) return `${Math.round(v)}`;
  return v.toFixed(3);
}

/** 6400000 → "6.4M". */
export function _volume(q: number): string {
  if (q >= 1e9) return `${+(q / 1e9).toPrecision(3)}B`;
  if (q >= 1e6) return `${+(q / 1e6).toPrecision(3)}M`;
  if (q >= 1e3) return `${+(q / 1e3).toPrecision(3)}k`;
  return `${Math.round(q)}`;
}
