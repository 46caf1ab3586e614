/** Sign in with an API key: checked against the API before it is kept (sessionStorage only). */
import { useState } from 'preact/hooks';
import { api, errorText } from './api.js';

export function LoginPage({ onSignIn }: { onSignIn: (key: string) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api('/v1/whoami', { key: key.trim() });
      onSignIn(key.trim());
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="login">
      <h1>fathom</h1>
      <form onSubmit={submit}>
        <label for="api-key">API key or access token</label>
        <input id="api-key" type="password" autoComplete="off" value={key} onInput={(e) => setKey(e.currentTarget.value)} placeholder="fk_…" required />
        <button type="submit" disabled={busy || !key.trim()}>Sign in</button>
        <p class="hint">Create one with <code>fathom keys create --principal user:you --role reader</code>. An OIDC access token works too when the server is configured for it. It is kept for this tab only.</p>
        {error ? <p role="alert" class="error">{error}</p> : null}
      </form>
    </main>
  );
}
