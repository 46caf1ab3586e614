/**
 * Byte-pair merging in O(n log n): the same merges, in the same order, as the textbook loop gpt-tokenizer
 * runs (repeatedly merge the adjacent pair of lowest rank, the leftmost on ties), which rescans every pair
 * after each merge and so takes O(n²) on one long pre-token (a 200 KB DNA sequence took 21 s). Here the
 * pairs sit in a binary heap ordered by (rank, start byte) — the leftmost pair of a rank is the one with
 * the smallest start — over a linked list of tokens; stale heap entries are recognised by a version.
 * `rankOf(bytes)` is the token id of a byte sequence, undefined when it is not a token.
 */
export function _heapMerge(bytes: Uint8Array, rankOf: (bytes: Uint8Array) => number | undefined): number[] {
  const n = bytes.length;
  const next = new Int32Array(n);
  const prev = new Int32Array(n);
  const token = new Int32Array(n);
  const version = new Int32Array(n);
  const cap = 3 * n + 4;
  const hRank = new Float64Array(cap);
  const hPos = new Int32Array(cap);
  const hVer = new Int32Array(cap);
  let size = 0;
  const less = (a: number, b: number) => hRank[a]! < hRank[b]! || (hRank[a] === hRank[b] && hPos[a]! < hPos[b]!);
  const swap = (a: number, b: number) => {
    const r = hRank[a]!, p = hPos[a]!, v = hVer[a]!;
    hRank[a] = hRank[b]!; hPos[a] = hPos[b]!; hVer[a] = hVer[b]!;
    hRank[b] = r; hPos[b] = p; hVer[b] = v;
  };
  const push = (rank: number, pos: number) => {
    let i = size++;
    hRank[i] = rank; hPos[i] = pos; hVer[i] = version[pos]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(i, parent)) break;
      swap(i, parent);
      i = parent;
    }
  };
  const pop = () => {
    swap(0, --size);
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && less(l, m)) m = l;
      if (r < size && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  const end = (i: number) => (next[i]! < 0 ? n : next[i]!);
  // Rank of merging token i with the token after it, or -1.
  const pairRank = (i: number) => (next[i]! < 0 ? -1 : (rankOf(bytes.subarray(i, end(next[i]!))) ?? -1));

  for (let i = 0; i < n; i++) {
    next[i] = i + 1 < n ? i + 1 : -1;
    prev[i] = i - 1;
    const id = rankOf(bytes.subarray(i, i + 1));
    if (id === undefined) throw new Error(`byte ${bytes[i]} is not a token`);
    token[i] = id;
  }
  for (let i = 0; i + 1 < n; i++) {
    const r = pairRank(i);
    if (r >= 0) push(r, i);
  }
  while (size > 0) {
    const rank = hRank[0]!;
    const i = hPos[0]!;
    const ver = hVer[0]!;
    pop();
    if (ver !== version[i]) continue;
    const j = next[i]!;
    // Merge token j into token i.
    token[i] = rank;
    next[i] = next[j]!;
    if (next[j]! >= 0) prev[next[j]!] = i;
    version[j]! += 1;
    version[i]! += 1;
    const r = pairRank(i);
    if (r >= 0) push(r, i);
    const p = prev[i]!;
    if (p >= 0) {
      version[p]! += 1;
      const rp = pairRank(p);
      if (rp >= 0) push(rp, p);
    }
  }
  const out: number[] = [];
  for (let i = 0; i >= 0 && n > 0; i = next[i]!) out.push(token[i]!);
  return out;
}
