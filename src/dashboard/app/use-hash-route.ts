/** Hash routes (`#/documents/kb%2Fa.md`): no router dependency; the path segments, decoded. */
import { useEffect, useState } from 'preact/hooks';

const _parse = (): string[] => location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);

export function useHashRoute(): string[] {
  const [route, setRoute] = useState(_parse);
  useEffect(() => {
    const on = () => setRoute(_parse());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
