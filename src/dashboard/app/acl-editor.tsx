/**
 * Edit who may read a document (`PUT /v1/documents/{id}/acl`, writer): principals and groups as comma-separated
 * lists; both empty opens the document to the whole tenant. Shown only when the server has the route.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AccessList } from '../../spec/access.js';
import { api, errorText, hasRoute } from './api.js';

const _split = (s: string): string[] => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))];

export function AclEditor({ id, acl, onSaved }: { id: string; acl?: AccessList; onSaved: (acl: AccessList | null) => void }) {
  const [available, setAvailable] = useState(false);
  const [principals, setPrincipals] = useState((acl?.principals ?? []).join(', '));
  const [groups, setGroups] = useState((acl?.groups ?? []).join(', '));
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  useEffect(() => void hasRoute('put', '/v1/documents/{id}/acl').then(setAvailable), []);
  if (!available) return null;
  const save = async (e: Event) => {
    e.preventDefault();
    const p = _split(principals);
    const g = _split(groups);
    try {
      const r = await api<{ acl: AccessList | null }>(`/v1/documents/${encodeURIComponent(id)}/acl`, { method: 'PUT', json: p.length || g.length ? { principals: p, groups: g } : null });
      onSaved(r.acl);
      setStatus({ ok: true, text: r.acl ? 'Saved: only the listed principals and groups may read it.' : 'Saved: the whole tenant may read it.' });
    } catch (error) {
      setStatus({ ok: false, text: errorText(error) });
    }
  };
  return (
    <form class="acl-editor" onSubmit={(e) => void save(e)}>
      <h2>Access</h2>
      <label>Principals (comma-separated) <input name="principals" value={principals} onInput={(e) => setPrincipals((e.target as HTMLInputElement).value)} /></label>
      <label>Groups (comma-separated) <input name="groups" value={groups} onInput={(e) => setGroups((e.target as HTMLInputElement).value)} /></label>
      <button type="submit">Save access</button>
      {status ? <p role={status.ok ? 'status' : 'alert'} class={status.ok ? 'ok' : 'error'} data-testid="acl-status">{status.text}</p> : null}
    </form>
  );
}
