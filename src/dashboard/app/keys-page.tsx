/**
 * API keys of the tenant (admin only): list, create (the secret is shown once), revoke. Non-admins never see
 * the link; opening the page anyway shows the server's refusal (the routes are admin-only).
 */
import { useState } from 'preact/hooks';
import type { ApiKeyRecord } from '../../spec/server.js';
import { api, errorText } from './api.js';
import { when } from './format.js';
import { useApi } from './use-api.js';

type _Key = Omit<ApiKeyRecord, 'hash'>;

export function KeysPage({ admin }: { admin: boolean | undefined }) {
  const list = useApi<{ keys: _Key[] }>(admin ? '/v1/keys' : null);
  const [principal, setPrincipal] = useState('');
  const [role, setRole] = useState('reader');
  const [groups, setGroups] = useState('');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ key: string; record: _Key }>();
  const [error, setError] = useState<string>();
  const [confirm, setConfirm] = useState<string>();
  if (admin === undefined) return <p aria-busy="true">Checking your role…</p>;
  if (!admin) return <p role="alert" class="error">FORBIDDEN: API keys are managed by admins. Ask an admin, or sign in with an admin key.</p>;
  const create = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const g = groups.split(',').map((x) => x.trim()).filter(Boolean);
      setCreated(await api<{ key: string; record: _Key }>('/v1/keys', { json: { principal: principal.trim(), role, ...(g.length ? { groups: g } : {}), ...(name.trim() ? { name: name.trim() } : {}) } }));
      setPrincipal('');
      setName('');
      setGroups('');
      list.reload();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const revoke = async (id: string) => {
    setError(undefined);
    setConfirm(undefined);
    try {
      await api(`/v1/keys/${encodeURIComponent(id)}/revoke`, { method: 'POST' });
      list.reload();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const keys = list.data?.keys ?? [];
  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">API keys</h1>
      <form class="filters" onSubmit={create} aria-label="New key">
        <label>Principal <input value={principal} onInput={(e) => setPrincipal(e.currentTarget.value)} placeholder="user:alice" required /></label>
        <label>Role <select value={role} onChange={(e) => setRole(e.currentTarget.value)}><option>reader</option><option>writer</option><option>admin</option></select></label>
        <label>Groups (comma-separated) <input value={groups} onInput={(e) => setGroups(e.currentTarget.value)} /></label>
        <label>Label <input value={name} onInput={(e) => setName(e.currentTarget.value)} /></label>
        <button type="submit" disabled={!principal.trim()}>Create key</button>
      </form>
      {created ? <p role="status" class="secret" data-testid="new-key">New key for {created.record.principal} ({created.record.role}): <code>{created.key}</code> — copy it now, it is not shown again.</p> : null}
      {error || list.error ? <p role="alert" class="error">{error ?? list.error}</p> : null}
      <table class="grid" data-testid="keys">
        <thead><tr><th scope="col">Id</th><th scope="col">Prefix</th><th scope="col">Principal</th><th scope="col">Groups</th><th scope="col">Role</th><th scope="col">Label</th><th scope="col">Created</th><th scope="col">Revoked</th><th scope="col"><span class="sr-only">Action</span></th></tr></thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} data-key={k.id}>
              <td><code>{k.id}</code></td><td><code>{k.prefix}…</code></td><td>{k.principal}</td><td>{k.groups.join(', ') || '—'}</td><td>{k.role}</td><td>{k.name ?? '—'}</td><td>{when(k.createdAt)}</td><td>{k.revokedAt ? when(k.revokedAt) : '—'}</td>
              <td>
                {k.revokedAt ? null : confirm === k.id ? (
                  <><button type="button" class="danger" onClick={() => void revoke(k.id)}>Yes, revoke {k.id}</button> <button type="button" onClick={() => setConfirm(undefined)}>Cancel</button></>
                ) : <button type="button" class="danger" aria-label={`Revoke ${k.id}`} onClick={() => setConfirm(k.id)}>Revoke…</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
