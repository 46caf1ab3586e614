import { _html, _itemNum } from './_escape.js';

/** Rows per page of the item table (the filter script pages through the rest). */
export const ITEMS_PAGE_SIZE = 50;
import type { ReportModel, ReportRow } from './report-model.js';

/** The per-item table (one row per item and mode) with its filter controls. Rows carry their filter keys as data attributes. */
export function htmlItemsTable(model: ReportModel): string {
  const classes = [...new Set(model.rows.flatMap((r) => r.classes))].sort();
  const tags = [...new Set(model.rows.flatMap((r) => r.tags))].sort();
  const opts = (all: string, values: string[]): string => `<option value="">${all}</option>${values.map((v) => `<option value="${_html(v)}">${_html(v)}</option>`).join('')}`;
  const filters = `<div class="filters">
<input id="f-text" type="search" placeholder="Search questions, answers, ids…" aria-label="Search">
<select id="f-mode" aria-label="Mode">${opts('all modes', model.run.modes)}</select>
<select id="f-class" aria-label="Failure class">${opts('all classes', classes)}</select>
<select id="f-tag" aria-label="Tag">${opts('all tags', tags)}</select>
<select id="f-outcome" aria-label="Outcome">${opts('right and wrong', ['right', 'wrong'])}</select>
<span id="f-count" class="muted"></span>
<button id="f-prev" type="button">‹ previous</button><button id="f-next" type="button">next ›</button></div>`;
  return `${filters}<table id="items" data-page-size="${ITEMS_PAGE_SIZE}"><thead><tr><th>item</th><th>mode</th><th></th><th>question and answer</th><th>classes</th><th>tags</th></tr></thead><tbody>${model.rows.map((r, i) => _row(r, i >= ITEMS_PAGE_SIZE)).join('')}</tbody></table>`;
}

function _row(r: ReportRow, hidden: boolean): string {
  const text = [r.itemId, r.question, r.answer, ...r.expected].join(' ').toLowerCase();
  const mark = r.correct ? '<span class="ok" title="right">✓</span>' : `<span class="bad" title="wrong">✗</span>${r.abstained ? ' <span class="pill">abstained</span>' : ''}`;
  const metrics = Object.entries(r.metrics).filter(([, v]) => v !== undefined).map(([k, v]) => `${_html(k)} ${_html(_itemNum(k, v))}`).join(' · ');
  const sources = r.sources.length ? `<ol>${r.sources.map((s) => `<li><code>${_html(s.documentId ?? s.chunkId ?? '')}</code> <span class="muted">${_html(s.title)}</span></li>`).join('')}</ol>` : '<p class="muted">no sources</p>';
  const expectedSources = r.expectedSources.length ? `<p><b>expected sources:</b> ${r.expectedSources.map((s) => `<code>${_html(s)}</code>`).join(', ')}</p>` : '';
  return `<tr${hidden ? ' hidden' : ''} data-mode="${r.mode}" data-classes="${_html(r.classes.join(' '))}" data-tags="${_html(r.tags.join(' '))}" data-outcome="${r.correct ? 'right' : 'wrong'}" data-text="${_html(text)}">`
    + `<td><code>${_html(r.itemId)}</code></td><td>${_html(r.mode)}</td><td>${mark}</td>`
    + `<td>${_html(r.question)}<details><summary>answer, sources, metrics</summary><pre>${_html(r.answer)}</pre>`
    + `${r.expected.length ? `<p><b>expected:</b> ${r.expected.map(_html).join(' | ')}</p>` : `<p><b>expected:</b> ${r.answerable ? '–' : 'abstain (unanswerable)'}</p>`}`
    + `${expectedSources}<p><b>sources</b></p>${sources}<p class="muted">${metrics}</p>${r.evidence ? `<p><b>diagnosis:</b> ${_html(r.evidence)}</p>` : ''}${r.error ? `<p class="bad">${_html(r.error)}</p>` : ''}</details></td>`
    + `<td>${r.classes.map((c) => `<span class="pill">${_html(c)}</span>`).join('')}${r.retrievalFix ? `<span class="pill">fix: ${_html(r.retrievalFix)}</span>` : ''}</td>`
    + `<td>${r.tags.map((t) => `<span class="pill">${_html(t)}</span>`).join('')}</td></tr>`;
}
