/** Load `path` as JSON when it changes; `reload()` fetches again. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.js';

export interface Loaded<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload: () => void;
}

export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: Boolean(path) });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(path).then((data) => live && setState({ data, loading: false }), (e) => live && setState({ error: errorText(e), loading: false }));
    return () => {
      live = false;
    };
  }, [path, tick]);
  return { ...state, reload: useCallback(() => setTick((t) => t + 1), []) };
}
