/**
 * One document: what is stored (collection, source, access list, metadata, extraction warnings), its versions
 * (with a line diff between two of them),
 * the current text with the chunks drawn on it, the chunk table (heading path, tokens, parent links), and
 * delete with the deletion receipt.
 */
import { useState } from 'preact/hooks';
import type { Chunk } from '../../spec/chunk.js';
import type { Document, DocumentVersion } from '../../spec/document.js';
import type { DeleteResult } from '../../spec/store.js';
import type { AccessList } from '../../spec/access.js';
import { AclEditor } from './acl-editor.js';
import { api, errorText } from './api.js';
import { ChunkTable } from './chunk-table.js';
import { ChunkedText } from './chunked-text.js';
import { useApi } from './use-api.js';
import { VersionDiff } from './version-diff.js';

interface Shown {
  document: Document;
  versions: Array<Omit<DocumentVersion, 'text'> & { text?: string }>;
  chunks: Chunk[];
}

const _date = (ms?: number) => (ms ? new Date(ms).toISOString().slice(0, 19).replace('T', ' ') : '—');

export function DocumentPage({ id }: { id: string }) {
  const { data, error, loading } = useApi<Shown>(`/v1/documents/${encodeURIComponent(id)}?text=all`);
  const [selected, setSelected] = useState<string>();
  const [receipt, setReceipt] = useState<DeleteResult>();
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<string>();
  const [acl, setAcl] = useState<AccessList | null>();
  if (receipt) {
    return (
      <section aria-labelledby="receipt-title">
        <h1 id="receipt-title">Deleted {id}</h1>
        <dl class="receipt" data-testid="receipt">
          <dt>Deleted</dt><dd>{receipt.deleted.join(', ') || '—'}</dd>
          <dt>Versions</dt><dd>{receipt.versions}</dd>
          <dt>Chunks</dt><dd>{receipt.chunks}</dd>
          <dt>Audit entries redacted</dt><dd>{receipt.auditEntriesRedacted ?? 0}</dd>
          <dt>Physical erasure</dt><dd>{receipt.erasure ? JSON.stringify(receipt.erasure) : '—'}</dd>
        </dl>
        <p><a href="#/documents">Back to the knowledge base</a></p>
      </section>
    );
  }
  if (loading && !data) return <p aria-busy="true">Loading {id}…</p>;
  if (error || !data) return <p role="alert" class="error">{error}</p>;
  const { versions, chunks } = data;
  const d = acl === undefined ? data.document : { ...data.document, acl: acl ?? undefined };
  const current = versions.find((v) => v.status === 'current');
  const warnings = Array.isArray(d.metadata.extractionWarnings) ? (d.metadata.extractionWarnings as unknown[]).map(String) : [];
  const remove = async () => {
    try {
      setReceipt(await api<DeleteResult>(`/v1/documents/${encodeURIComponent(id)}`, { method: 'DELETE' }));
    } catch (e) {
      setDeleteError(errorText(e));
    }
  };
  return (
    <section aria-labelledby="doc-title">
      <p><a href="#/documents">← Knowledge base</a></p>
      <h1 id="doc-title">{d.title}</h1>
      <dl class="facts">
        <dt>Id</dt><dd>{d.id}</dd>
        <dt>Collection</dt><dd>{d.collection}</dd>
        <dt>Source</dt><dd>{d.source}</dd>
        <dt>Format</dt><dd>{d.format}</dd>
        <dt>Readable by</dt><dd data-testid="acl">{d.acl && (d.acl.principals.length || d.acl.groups.length) ? [...d.acl.principals, ...d.acl.groups.map((g) => `group ${g}`)].join(', ') : 'the whole tenant'}</dd>
        <dt>Chunks</dt><dd>{chunks.filter((c) => c.role === 'leaf').length} leaf, {chunks.filter((c) => c.role === 'parent').length} parent, {chunks.reduce((n, c) => n + (c.role === 'leaf' ? c.tokenCount : 0), 0)} tokens</dd>
      </dl>
      {warnings.length ? <div class="warnings" role="note"><h2>Extraction warnings</h2><ul>{warnings.map((w) => <li key={w}>{w}</li>)}</ul></div> : null}
      <AclEditor id={d.id} acl={data.document.acl} onSaved={setAcl} />
      <h2>Versions</h2>
      <table class="grid">
        <thead><tr><th scope="col">Version</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col">Superseded</th><th scope="col">Content hash</th></tr></thead>
        <tbody>{versions.map((v) => <tr key={v.id}><td>{v.version}</td><td>{v.status}</td><td>{_date(v.createdAt)}</td><td>{_date(v.supersededAt)}</td><td><code>{v.contentHash.slice(0, 12)}</code></td></tr>)}</tbody>
      </table>
      {versions.length > 1 ? <><h3>Changes between versions</h3><VersionDiff versions={versions} /></> : null}
      <h2>Extracted text and chunks</h2>
      {current?.text !== undefined ? <ChunkedText text={current.text} chunks={chunks.filter((c) => c.versionId === current.id)} selected={selected} onSelect={setSelected} /> : <p>No current text.</p>}
      <h2>Chunks</h2>
      <ChunkTable chunks={chunks} selected={selected} onSelect={setSelected} />
      <h2>Delete</h2>
      {confirming ? (
        <p>Delete {d.id} with every version, chunk and vector? <button type="button" class="danger" onClick={() => void remove()}>Yes, delete</button> <button type="button" onClick={() => setConfirming(false)}>Cancel</button></p>
      ) : <button type="button" class="danger" onClick={() => setConfirming(true)}>Delete document…</button>}
      {deleteError ? <p role="alert" class="error">{deleteError}</p> : null}
    </section>
  );
}
