/** One RTF token: a group brace, a control word (`\word-12`), a control symbol (`\~`), a `\'hh` byte, or plain text. */
export type _RtfToken =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'word'; word: string; param?: number }
  | { kind: 'symbol'; word: string; param?: undefined }
  | { kind: 'hex'; byte: number }
  | { kind: 'text'; text: string };

/** The tokens of an RTF string (read as Latin-1 bytes); `\binN` data is skipped; bare line breaks are not text. */
export function* _rtfTokens(rtf: string): Generator<_RtfToken> {
  const n = rtf.length;
  let i = 0;
  while (i < n) {
    const c = rtf[i]!;
    if (c === '{' || c === '}') {
      yield c === '{' ? { kind: 'open' } : { kind: 'close' };
      i++;
    } else if (c === '\\') {
      const next = rtf[i + 1] ?? '';
      if (/[a-zA-Z]/.test(next)) {
        const m = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(rtf.slice(i + 1, i + 46))!;
        i += 1 + m[0].length;
        const param = m[2] !== undefined ? Number(m[2]) : undefined;
        if (m[1] === 'bin') {
          i += Math.max(0, param ?? 0);
          continue;
        }
        yield param !== undefined ? { kind: 'word', word: m[1]!, param } : { kind: 'word', word: m[1]! };
      } else if (next === "'") {
        const byte = parseInt(rtf.slice(i + 2, i + 4), 16);
        i += 4;
        if (Number.isFinite(byte)) yield { kind: 'hex', byte };
      } else {
        yield { kind: 'symbol', word: next };
        i += 2;
      }
    } else {
      let j = i;
      while (j < n && rtf[j] !== '{' && rtf[j] !== '}' && rtf[j] !== '\\') j++;
      const text = rtf.slice(i, j).replace(/[\r\n]/g, '');
      if (text) yield { kind: 'text', text };
      i = j;
    }
  }
}
