/**
 * Every `documentId` (and, when asked, `chunkId`) string anywhere in a JSON value: audit entries, answers and
 * evaluation results name the documents they retrieved, were prompted with or cited under these keys.
 */
export function collectDocumentIds(value: unknown, keys: readonly string[] = ['documentId']): Set<string> {
  const ids = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (keys.includes(k) && typeof x === 'string') ids.add(x);
        else walk(x);
      }
    }
  };
  walk(value);
  return ids;
}
