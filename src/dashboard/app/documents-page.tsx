/**
 * Knowledge base: documents of the signed-in tenant (only those the key may read: the API applies the access
 * lists), filtered by collection (server-side) and by id/title text, cursor-paged as the user scrolls.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Document } from '../../spec/document.js';
import { api, docHref, errorText } from './api.js';
import { UploadPanel } from './upload-panel.js';
import { VirtualList } from './virtual-list.js';

const _PAGE = 1000;

interface Page {
  documents: Document[];
  nextCursor: string | null;
}

export function DocumentsPage() {
  const [collection, setCollection] = useState('');
  const [text, setText] = useState('');
  const [docs, setDocs] = useState<Document[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const busy = useRef(false);
  const generation = useRef(0);

  const loadPage = useCallback(async (reset: boolean, after: string | null) => {
    if (busy.current && !reset) return;
    busy.current = true;
    const gen = reset ? ++generation.current : generation.current;
    if (reset) setLoaded(false);
    try {
      const q = new URLSearchParams({ limit: String(_PAGE) });
      if (after && !reset) q.set('cursor', after);
      if (collection.trim()) q.set('filter', JSON.stringify({ collection: collection.trim() }));
      const page = await api<Page>(`/v1/documents?${q}`);
      if (gen !== generation.current) return;
      setDocs((d) => (reset ? page.documents : [...d, ...page.documents]));
      setCursor(page.nextCursor);
      setDone(page.nextCursor === null);
      setLoaded(true);
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
      setLoaded(true);
    } finally {
      busy.current = false;
    }
  }, [collection]);

  useEffect(() => void loadPage(true, null), [loadPage]);
  const loadAll = async () => {
    let after = cursor;
    while (after) {
      const q = new URLSearchParams({ limit: String(_PAGE), cursor: after });
      if (collection.trim()) q.set('filter', JSON.stringify({ collection: collection.trim() }));
      const page = await api<Page>(`/v1/documents?${q}`);
      setDocs((d) => [...d, ...page.documents]);
      after = page.nextCursor;
    }
    setCursor(null);
    setDone(true);
  };

  const needle = text.trim().toLowerCase();
  const shown = needle ? docs.filter((d) => d.id.toLowerCase().includes(needle) || d.title.toLowerCase().includes(needle)) : docs;
  return (
    <section aria-labelledby="kb-title" aria-busy={!loaded}>
      <h1 id="kb-title">Knowledge base</h1>
      <UploadPanel onDone={() => void loadPage(true, null)} />
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>Collection <input name="collection" list="collections" value={collection} onChange={(e) => setCollection(e.currentTarget.value)} placeholder="all" /></label>
        <datalist id="collections">{[...new Set(docs.map((d) => d.collection))].sort().map((c) => <option key={c} value={c} />)}</datalist>
        <label>Id or title contains <input name="text" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} /></label>
      </form>
      <p class="count" aria-live="polite">
        <span data-testid="doc-count">{shown.length}</span> shown of {docs.length} loaded{done ? '' : ', more on scroll'}
        {!done ? <button type="button" class="link" onClick={() => void loadAll().catch((e) => setError(errorText(e)))}>Load all</button> : null}
      </p>
      {error ? <p role="alert" class="error">{error}</p> : null}
      <div class="doc-head" aria-hidden="true"><span>Id</span><span>Title</span><span>Collection</span><span>Versions</span><span>Updated</span></div>
      <VirtualList items={shown} rowHeight={34} height={520} label="Documents" onNearEnd={done || needle ? undefined : () => void loadPage(false, cursor)} row={(d) => (
        <div class="doc-row">
          <a href={docHref(d.id)}>{d.id}</a>
          <span>{d.title}</span>
          <span>{d.collection}</span>
          <span>{d.versionCount}</span>
          <span>{new Date(d.updatedAt).toISOString().slice(0, 16).replace('T', ' ')}</span>
        </div>
      )} />
    </section>
  );
}
