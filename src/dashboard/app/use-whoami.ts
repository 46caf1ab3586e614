/**
 * The signed-in identity (`GET /v1/whoami`: tenant, principal, groups, role), asked once per key. Admin pages
 * are shown only when its role is admin (the server refuses their routes to other roles anyway); nothing is
 * probed, so a reader's console stays clean. `undefined` while unknown or signed out.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';

export interface WhoAmI {
  tenant: string;
  principal: string;
  groups: string[];
  role: 'reader' | 'writer' | 'admin';
}

const _known = new Map<string, Promise<WhoAmI | null>>();

export function useWhoami(key: string | null): WhoAmI | null | undefined {
  const [me, setMe] = useState<{ key: string; me: WhoAmI | null }>();
  useEffect(() => {
    if (!key) return;
    let answer = _known.get(key);
    if (!answer) {
      answer = api<WhoAmI>('/v1/whoami', { key }).catch(() => null);
      _known.set(key, answer);
    }
    let live = true;
    void answer.then((m) => live && setMe({ key, me: m }));
    return () => {
      live = false;
    };
  }, [key]);
  return key && me?.key === key ? me.me : undefined;
}
