/**
 * Whether the signed-in key is an admin: the server has no "who am I" route, so the dashboard asks for the
 * admin-only key list once per key (403 = not admin). `undefined` while unknown or signed out. Admin pages are
 * shown only when true; the server refuses their routes to other roles anyway.
 */
import { useEffect, useState } from 'preact/hooks';
import { apiFetch, hasRoute } from './api.js';

const _known = new Map<string, Promise<boolean>>();

export function useAdmin(key: string | null): boolean | undefined {
  const [admin, setAdmin] = useState<{ key: string; admin: boolean }>();
  useEffect(() => {
    if (!key) return;
    let answer = _known.get(key);
    if (!answer) {
      answer = hasRoute('get', '/v1/keys').then((has) => (has ? apiFetch('/v1/keys', { key }).then(() => true, () => false) : false));
      _known.set(key, answer);
    }
    let live = true;
    void answer.then((a) => live && setAdmin({ key, admin: a }));
    return () => {
      live = false;
    };
  }, [key]);
  return key && admin?.key === key ? admin.admin : undefined;
}
