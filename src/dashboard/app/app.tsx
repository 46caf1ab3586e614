/** The shell: sign-in gate, navigation, and the page of the current hash route. */
import { useEffect, useState } from 'preact/hooks';
import { hasRoute, session } from './api.js';
import { AskPage } from './ask-page.js';
import { AuditPage } from './audit-page.js';
import { DocumentPage } from './document-page.js';
import { DocumentsPage } from './documents-page.js';
import { EvalComparePage } from './eval-compare-page.js';
import { EvalRunPage } from './eval-run-page.js';
import { EvalRunsPage } from './eval-runs-page.js';
import { LoginPage } from './login-page.js';
import { SearchPage } from './search-page.js';
import { DriftPage } from './drift-page.js';
import { KeysPage } from './keys-page.js';
import { TuneJobsPage } from './tune-jobs-page.js';
import { useWhoami } from './use-whoami.js';
import { useHashRoute } from './use-hash-route.js';

const _NAV: Array<[string, string]> = [['documents', 'Knowledge base'], ['ask', 'Ask'], ['search', 'Search explain'], ['evals', 'Evaluation'], ['audit', 'Audit log'], ['drift', 'Drift'], ['tune', 'Fine-tuning'], ['keys', 'API keys']];
/** Pages shown only when the server has their route (and, for admin pages, the key is an admin's). */
const _NEEDS: Record<string, { route: [string, string]; admin?: boolean }> = {
  evals: { route: ['get', '/v1/eval/runs'] },
  drift: { route: ['get', '/v1/monitor/drift/series'], admin: true },
  tune: { route: ['get', '/v1/tune/jobs'] },
  keys: { route: ['get', '/v1/keys'], admin: true },
};
const _PAGES = ['documents', 'ask', 'search', 'evals', 'audit', 'drift', 'tune', 'keys'];

export function App() {
  const [key, setKey] = useState(session.get());
  const route = useHashRoute();
  const [routes, setRoutes] = useState<Record<string, boolean>>({});
  useEffect(() => void Promise.all(Object.entries(_NEEDS).map(async ([id, n]) => [id, await hasRoute(...n.route)] as const)).then((r) => setRoutes(Object.fromEntries(r))), []);
  const me = useWhoami(key);
  const admin = me === undefined ? undefined : me?.role === 'admin';
  const shown = (id: string) => !_NEEDS[id] || (routes[id] === true && (!_NEEDS[id]!.admin || admin === true));
  useEffect(() => {
    const out = () => {
      session.clear();
      setKey(null);
    };
    window.addEventListener('fathom:signed-out', out);
    return () => window.removeEventListener('fathom:signed-out', out);
  }, []);
  if (!key) return <LoginPage onSignIn={(k) => { session.set(k); setKey(k); }} />;
  const page = route[0] ?? 'documents';
  return (
    <>
      <header class="top">
        <a class="brand" href="#/documents">fathom</a>
        <nav aria-label="Main">
          {_NAV.filter(([id]) => shown(id)).map(([id, label]) => <a key={id} href={`#/${id}`} aria-current={page === id ? 'page' : undefined}>{label}</a>)}
        </nav>
        {me ? <span class="who" data-testid="whoami" title={me.groups.length ? `groups: ${me.groups.join(', ')}` : 'no groups'}>{me.principal} · {me.role} · {me.tenant}</span> : null}
        <button type="button" class="link" onClick={() => window.dispatchEvent(new Event('fathom:signed-out'))}>Sign out</button>
      </header>
      <main id="main">
        {page === 'documents' && route[1] !== undefined ? <DocumentPage key={route[1]} id={route[1]} /> : null}
        {page === 'documents' && route[1] === undefined ? <DocumentsPage /> : null}
        {page === 'ask' ? <AskPage /> : null}
        {page === 'search' ? <SearchPage /> : null}
        {page === 'audit' ? <AuditPage id={route[1]} /> : null}
        {page === 'evals' && route[1] === undefined ? <EvalRunsPage /> : null}
        {page === 'evals' && route[1] === 'compare' ? <EvalComparePage a={route[2] ?? ''} b={route[3] ?? ''} /> : null}
        {page === 'evals' && route[1] !== undefined && route[1] !== 'compare' ? <EvalRunPage key={route[1]} id={route[1]} /> : null}
        {page === 'drift' ? (admin === undefined ? <p aria-busy="true">Checking your role…</p> : admin ? <DriftPage /> : <p role="alert" class="error">FORBIDDEN: the drift view summarises every user’s queries and needs an admin key.</p>) : null}
        {page === 'tune' ? <TuneJobsPage key={route[1] ?? ''} id={route[1]} /> : null}
        {page === 'keys' ? <KeysPage admin={admin} /> : null}
        {!_PAGES.includes(page) ? <p role="alert">No page “{page}”: pick one above.</p> : null}
      </main>
    </>
  );
}
