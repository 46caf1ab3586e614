import type { ReadinessReport } from '../spec/readiness.js';

const _esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const _order = { error: 0, warning: 1, info: 2 } as const;
const _sorted = (r: ReadinessReport) => [...r.findings].sort((a, b) => _order[a.severity] - _order[b.severity] || a.type.localeCompare(b.type));
const _summary = (r: ReadinessReport) => `${r.documents} documents, ${r.findings.length} findings (${Object.entries(r.counts.bySeverity).map(([k, v]) => `${v} ${k}`).join(', ') || 'none'})`;

/** The report as Markdown: a summary line and one table row per finding, most severe first. */
export function renderReadinessMarkdown(r: ReadinessReport): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `# Data-readiness audit: tenant ${r.tenant}`, '', _summary(r), '',
    ...(r.findings.length ? ['| severity | type | documents | finding |', '|---|---|---|---|', ..._sorted(r).map((f) => `| ${f.severity} | ${f.type} | ${cell(f.documents.join(', '))} | ${cell(f.message)} |`)] : ['No findings.']),
    '',
  ].join('\n');
}

/** The report as one self-contained HTML page (no scripts, no external resources). */
export function renderReadinessHtml(r: ReadinessReport): string {
  const rows = _sorted(r).map((f) => `<tr class="${f.severity}"><td>${f.severity}</td><td>${f.type}</td><td>${_esc(f.documents.join(', '))}</td><td>${_esc(f.message)}</td></tr>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Data-readiness audit: ${_esc(r.tenant)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}.error td:first-child{color:#b00020;font-weight:600}.warning td:first-child{color:#8a5a00}</style></head>
<body><h1>Data-readiness audit: tenant ${_esc(r.tenant)}</h1><p>${_esc(_summary(r))}</p>
${r.findings.length ? `<table><thead><tr><th>Severity</th><th>Type</th><th>Documents</th><th>Finding</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : '<p>No findings.</p>'}
</body></html>
`;
}
