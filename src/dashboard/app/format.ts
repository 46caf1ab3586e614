/** Number formatting shared by the evaluation pages (the tests compare these strings with the API's JSON). */
export const num = (x: number | null | undefined, digits = 3): string => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
export const when = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
