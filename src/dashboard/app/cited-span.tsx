/**
 * The cited source inside its document: the document's current text around the citation, the span
 * [start, end) of the citation marked. Falls back to the passage alone when the document text is unreadable.
 */
import type { Citation } from '../../spec/answer.js';
import type { DocumentVersion } from '../../spec/document.js';
import { docHref } from './api.js';
import { useApi } from './use-api.js';

const _CONTEXT = 240;

export function CitedSpan({ citation: c }: { citation: Citation }) {
  const { data, error } = useApi<{ versions: Array<Partial<DocumentVersion>> }>(c.documentId ? `/v1/documents/${encodeURIComponent(c.documentId)}?text=true` : null);
  const text = data?.versions.find((v) => v.status === 'current')?.text;
  const start = c.start ?? 0;
  const end = c.end ?? 0;
  return (
    <aside class="cited" aria-label={`Source ${c.n}`}>
      <h2>[{c.n}] {c.title} {c.documentId ? <a href={docHref(c.documentId)}>{c.documentId}</a> : null}</h2>
      <p class="meta">Cited by: “{c.sentence.trim()}” · support {c.support.toFixed(2)} ({c.supported ? 'supported' : 'not supported'}, {c.verifier}) · offsets {start}–{end}</p>
      {error ? <p role="alert" class="error">{error}</p> : null}
      {text !== undefined ? (
        <pre class="doc-text">
          {start > _CONTEXT ? '…' : ''}{text.slice(Math.max(0, start - _CONTEXT), start)}
          <mark data-start={start} data-end={end}>{text.slice(start, end)}</mark>
          {text.slice(end, end + _CONTEXT)}{end + _CONTEXT < text.length ? '…' : ''}
        </pre>
      ) : null}
    </aside>
  );
}
