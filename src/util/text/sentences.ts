/**
 * Sentence segmentation with exact offsets, fast and dependency-free. Breaks after `.`, `!`, `?`, `…`
 * (and trailing quotes/brackets) when whitespace and then a non-lowercase character follow, except after
 * common abbreviations (e.g., Dr., U.S.) and single initials; breaks after CJK full stops; breaks at blank
 * lines; and treats newline-separated Markdown headings, list items, table rows, quotes and fences as
 * their own units. A single newline inside a paragraph (hard-wrapped text) does not break.
 */

/** Abbreviations (lower-cased, with their final dot) after which a sentence does not end. */
const abbreviations = new Set(
  'e.g. i.e. cf. vs. al. viz. approx. dr. mr. mrs. ms. mx. prof. sr. jr. st. mt. ft. fig. figs. eq. eqs. vol. vols. ch. sec. no. nos. pp. p. inc. ltd. co. corp. dept. univ. est. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. mon. tue. wed. thu. fri. sat. sun. gen. col. lt. sgt. capt. rev. hon. gov. sen. rep. pres. u.s. u.k. u.n. e.u. a.m. p.m. ph.d. b.sc. m.sc.'.split(' '),
);

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
const isLower = (c: number) => c >= 97 && c <= 122;
const isCloser = (c: number) => c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019 || c === 42 || c === 95;
const isTerminal = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026;
const isCjkStop = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f;

/** True when the line starting at `i` opens a Markdown block unit (heading, list item, table row, quote, fence). */
function _startsBlock(text: string, i: number, end: number): boolean {
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  if (c === 35 || c === 124 || c === 62) return true; // # | >
  if (c === 96 || c === 126) return text.startsWith(c === 96 ? '```' : '~~~', i);
  if (c === 45 || c === 42 || c === 43) return isSpace(text.charCodeAt(i + 1));
  if (c >= 48 && c <= 57) {
    let j = i;
    while (j < end && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    const d = text.charCodeAt(j);
    return j - i <= 9 && (d === 46 || d === 41) && isSpace(text.charCodeAt(j + 1));
  }
  return false;
}

/** Headings, table rows and fences are never split inside. */
function isAtomicLine(text: string, i: number, end: number): boolean {
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text.charCodeAt(i);
  return c === 35 || c === 124 || ((c === 96 || c === 126) && _startsBlock(text, i, end));
}

function isAbbreviation(text: string, from: number, dot: number): boolean {
  let w = dot;
  while (w > from && !isSpace(text.charCodeAt(w - 1)) && text.charCodeAt(w - 1) !== 40) w--;
  const word = text.slice(w, dot + 1).toLowerCase();
  if (abbreviations.has(word)) return true;
  // Single initials and dotted acronyms: "J.", "U.S.A."
  return /^(?:\p{L}\.)+$/u.test(word);
}

/**
 * Sentence spans `[start, end)` of `text` between `start` and `end`, trimmed of surrounding whitespace, in order.
 */
export function splitSentences(text: string, start = 0, end = text.length): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  const push = (a: number, b: number) => {
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push([a, b]);
  };
  let lineStart = start;
  let lineIsBlock = _startsBlock(text, start, end);
  let lineIsAtomic = isAtomicLine(text, start, end);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      // Blank line, a block line ending, or a block line starting: a break.
      let j = i + 1;
      while (j < end && text.charCodeAt(j) !== 10 && isSpace(text.charCodeAt(j))) j++;
      const nextIsBlock = j < end && text.charCodeAt(j) !== 10 && _startsBlock(text, i + 1, end);
      if (j >= end || text.charCodeAt(j) === 10 || lineIsBlock || nextIsBlock) {
        push(s, i);
        s = i + 1;
      }
      lineStart = i + 1;
      lineIsBlock = nextIsBlock;
      lineIsAtomic = nextIsBlock && isAtomicLine(text, i + 1, end);
      continue;
    }
    if (isCjkStop(c)) {
      let j = i + 1;
      while (j < end && (isCjkStop(text.charCodeAt(j)) || isCloser(text.charCodeAt(j)))) j++;
      push(s, j);
      s = j;
      i = j - 1;
      continue;
    }
    if (!isTerminal(c) || lineIsAtomic) continue;
    let j = i + 1;
    while (j < end && isTerminal(text.charCodeAt(j))) j++;
    while (j < end && isCloser(text.charCodeAt(j))) j++;
    if (j >= end || !isSpace(text.charCodeAt(j))) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < end && isSpace(text.charCodeAt(k)) && text.charCodeAt(k) !== 10) k++;
    const next = text.charCodeAt(k);
    if (k < end && next !== 10 && isLower(next)) {
      i = j - 1;
      continue;
    }
    if (c === 46 && j === i + 1 && isAbbreviation(text, Math.max(s, lineStart), i)) {
      i = j - 1;
      continue;
    }
    push(s, j);
    s = j;
    i = j - 1;
  }
  push(s, end);
  return out;
}
