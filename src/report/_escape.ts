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

/** Per-item metrics that are yes/no outcomes (shown as yes/no for one item, as shares in summaries). */
const BOOLEAN = /^(?:correct|abstained|exact_match(?:_text)?|containment|json_match|answer_in_context|format_consistency|(?:hit_rate|all_retrieved)@\d+)$/;

/** One item's metric value: yes/no for boolean outcomes, else as {@link _num}. */
export function _itemNum(metric: string, v: number | undefined): string {
  if (v !== undefined && BOOLEAN.test(metric.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()) && (v === 0 || v === 1)) return v === 1 ? 'yes' : 'no';
  return _num(metric, v);
}

/** A metric value for people: shares as numbers with 3 decimals, latency in ms, cost in dollars, counts as integers. */
export function _num(metric: string, v: number | undefined): string {
  if (v === undefined) return '–';
  if (metric === 'items') return String(Math.round(v));
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
