/**
 * Ingest by upload: drop files on the zone or pick them; the bytes go up with a progress bar (XHR: fetch has
 * no upload progress), then the ingest job is polled until it finishes, its counters shown as it runs.
 */
import { useState } from 'preact/hooks';
import type { IngestReport } from '../../spec/ingest.js';
import type { ServerJob } from '../../spec/server.js';
import { api, errorText, session } from './api.js';

type _State = { phase: 'idle' } | { phase: 'upload'; sent: number; total: number } | { phase: 'job'; job: ServerJob } | { phase: 'error'; message: string };

function _upload(files: File[], collection: string, onProgress: (sent: number, total: number) => void): Promise<ServerJob> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    if (collection) form.append('collection', collection);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/v1/ingest');
    xhr.setRequestHeader('authorization', `Bearer ${session.get() ?? ''}`);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total);
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || '{}') as ServerJob & { error?: { code: string; message: string } };
      if (xhr.status === 202) resolve(body);
      else reject(new Error(body.error ? `${body.error.code}: ${body.error.message}` : `Upload failed with HTTP ${xhr.status}.`));
    };
    xhr.onerror = () => reject(new Error('The upload did not reach the server: check the connection and retry.'));
    xhr.send(form);
  });
}

export function UploadPanel({ onDone }: { onDone: () => void }) {
  const [state, setState] = useState<_State>({ phase: 'idle' });
  const [over, setOver] = useState(false);
  const [collection, setCollection] = useState('');
  const start = async (files: File[]) => {
    if (files.length === 0) return;
    try {
      setState({ phase: 'upload', sent: 0, total: files.reduce((n, f) => n + f.size, 0) });
      let job = await _upload(files, collection.trim(), (sent, total) => setState({ phase: 'upload', sent, total }));
      setState({ phase: 'job', job });
      while (job.status === 'queued' || job.status === 'running') {
        await new Promise((r) => setTimeout(r, 250));
        job = await api<ServerJob>(`/v1/jobs/${job.id}`);
        setState({ phase: 'job', job });
      }
      onDone();
    } catch (e) {
      setState({ phase: 'error', message: errorText(e) });
    }
  };
  const job = state.phase === 'job' ? state.job : undefined;
  const p = job?.progress as { files?: number; totalFiles?: number; documents?: number; chunks?: number } | undefined;
  const finished = job && !['queued', 'running'].includes(job.status);
  const value = state.phase === 'upload' ? state.sent / Math.max(1, state.total) / 2 : job ? (finished ? 1 : 0.5 + 0.5 * ((p?.files ?? 0) / Math.max(1, p?.totalFiles ?? 1))) : 0;
  const report = job?.result as IngestReport | undefined;
  return (
    <div class="upload">
      <label class={`dropzone${over ? ' over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); void start([...(e.dataTransfer?.files ?? [])]); }}>
        <span>Drop files here to ingest, or choose them</span>
        <input type="file" multiple aria-label="Files to ingest" onChange={(e) => { void start([...(e.currentTarget.files ?? [])]); e.currentTarget.value = ''; }} />
      </label>
      <label>Upload to collection <input value={collection} onInput={(e) => setCollection(e.currentTarget.value)} placeholder="server default" /></label>
      {state.phase !== 'idle' && state.phase !== 'error' ? (
        <div class="progress" data-status={job?.status ?? 'uploading'}>
          <progress max={1} value={value} aria-label="Ingest progress" />
          <span aria-live="polite">
            {state.phase === 'upload' ? `Uploading ${Math.round((100 * state.sent) / Math.max(1, state.total))}%` : null}
            {job ? `Job ${job.id}: ${job.status}${p ? ` — ${p.files ?? 0}${p.totalFiles ? `/${p.totalFiles}` : ''} files, ${p.documents ?? 0} documents, ${p.chunks ?? 0} chunks` : ''}` : null}
            {report?.counts && finished ? ` · ${report.counts.created} created, ${report.counts.updated} updated, ${report.counts.unchanged} unchanged, ${report.counts.skipped} skipped` : null}
            {job?.error ? ` · ${job.error.code}: ${job.error.message}` : null}
          </span>
        </div>
      ) : null}
      {state.phase === 'error' ? <p role="alert" class="error">{state.message}</p> : null}
    </div>
  );
}
