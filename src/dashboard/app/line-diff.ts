/**
 * Line diff of two texts by longest common subsequence (no diff library is installed; the dashboard compares
 * document versions, which are small). O(n·m) time and memory: above `maxCells` the middle is shown as one
 * removed block and one added block rather than freezing the page.
 */
export interface DiffLine {
  op: 'same' | 'del' | 'add';
  text: string;
  /** 1-based line number in the old text (same, del) and in the new text (same, add). */
  a?: number;
  b?: number;
}

export function lineDiff(oldText: string, newText: string, { maxCells = 4_000_000 }: { maxCells?: number } = {}): DiffLine[] {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  // Common head and tail cost nothing and keep the table small.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const out: DiffLine[] = a.slice(0, head).map((text, i) => ({ op: 'same', text, a: i + 1, b: i + 1 }));
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  if (x.length * y.length > maxCells) {
    x.forEach((text, i) => out.push({ op: 'del', text, a: head + i + 1 }));
    y.forEach((text, j) => out.push({ op: 'add', text, b: head + j + 1 }));
  } else out.push(..._lcs(x, y, head));
  const da = a.length - tail;
  const db = b.length - tail;
  for (let k = 0; k < tail; k++) out.push({ op: 'same', text: a[da + k]!, a: da + k + 1, b: db + k + 1 });
  return out;
}

function _lcs(x: string[], y: string[], offset: number): DiffLine[] {
  const n = x.length;
  const m = y.length;
  // L[i][j] = LCS length of x[i..] and y[j..], in one flat array.
  const L = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) L[i * (m + 1) + j] = x[i] === y[j] ? L[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(L[(i + 1) * (m + 1) + j]!, L[i * (m + 1) + j + 1]!);
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) out.push({ op: 'same', text: x[i]!, a: offset + ++i, b: offset + ++j });
    else if (i < n && (j === m || L[(i + 1) * (m + 1) + j]! >= L[i * (m + 1) + j + 1]!)) out.push({ op: 'del', text: x[i]!, a: offset + ++i });
    else out.push({ op: 'add', text: y[j]!, b: offset + ++j });
  }
  return out;
}
