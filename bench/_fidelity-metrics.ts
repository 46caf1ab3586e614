/** Matching rules of ../shared/data/real-docs/README.md ("How to match") and the fidelity figures of one text. */
import { markdownPlainText } from '../src/ingest/loaders/html/markdown-plain-text.js';

// NFC on both sides: canonically equivalent text (`ä` and `a` + U+0308) is the same text; nothing is folded.
export const ws = (s: string): string => s.normalize('NFC').replace(/[\s\u00a0\u200b]+/gu, ' ').trim();
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
const ARTEFACT = /¶|\{ ?#|\]\(#|\/\/\/|^#|§/u;

export interface Expect {
  must_contain?: string[];
  must_not_contain?: string[];
  code_blocks?: string[];
  headings?: string[];
}

export interface Figures {
  phrases: { found: number; total: number; missing: string[] };
  chrome: { absent: number; total: number; present: string[] };
  code: { fenced: number; total: number; notFenced: string[] };
  headings: { inOrder: number; total: number; missing: string[]; artefacts: string[] };
  controlChars: number;
}

export function fencedBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const re = /^([ \t>]*)(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n[ \t>]*\2[ \t]*$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) blocks.push(ws(m[3]!));
  return blocks;
}

export function markdownHeadings(markdown: string): string[] {
  const outside = markdown.replace(/^([ \t>]*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n[ \t>]*\2[ \t]*$/gm, '');
  return [...outside.matchAll(/^ {0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)].map((m) => m[1]!);
}

/**
 * The figures of one stored text. `isMarkdown: false` (PDF text) compares the text as it is: the README's plain
 * rendering applies to Markdown only, and it would strip a line-initial `1)` that is part of a PDF's sentence.
 */
export function figures(markdown: string, expect: Expect, { isMarkdown = true }: { isMarkdown?: boolean } = {}): Figures {
  const plain = ws(isMarkdown ? markdownPlainText(markdown) : markdown);
  const phrases = expect.must_contain ?? [];
  const chrome = expect.must_not_contain ?? [];
  const code = expect.code_blocks ?? [];
  const missing = phrases.filter((p) => !plain.includes(ws(p)));
  const present = chrome.filter((p) => plain.includes(ws(p)) || ws(markdown).includes(ws(p)));
  const blocks = fencedBlocks(markdown);
  const notFenced = code.filter((line) => !blocks.some((b) => b.includes(ws(line))));
  const raw = markdownHeadings(markdown);
  const heads = raw.map((h) => ws(markdownPlainText(h)));
  let at = 0;
  const headMissing: string[] = [];
  for (const want of expect.headings ?? []) {
    const i = heads.findIndex((h, j) => j >= at && (h === ws(want) || h.replace(/\s*[¶#]$/u, '') === ws(want)));
    if (i < 0) headMissing.push(want);
    else at = i + 1;
  }
  return {
    phrases: { found: phrases.length - missing.length, total: phrases.length, missing },
    chrome: { absent: chrome.length - present.length, total: chrome.length, present },
    code: { fenced: code.length - notFenced.length, total: code.length, notFenced },
    headings: { inOrder: (expect.headings?.length ?? 0) - headMissing.length, total: expect.headings?.length ?? 0, missing: headMissing, artefacts: raw.filter((h) => ARTEFACT.test(h)) },
    controlChars: (markdown.match(CONTROL) ?? []).length,
  };
}

/**
 * Kept share of a page's visible main-content text: the visible text and the stored plain text are split into
 * words (whitespace-separated); each visible word found in the stored words (a multiset, each stored word used
 * once) counts its characters as kept. Share = kept characters / visible non-whitespace characters.
 */
export function keptShare(visible: string, stored: string): { visibleChars: number; keptChars: number; share: number } {
  const bag = new Map<string, number>();
  for (const w of ws(markdownPlainText(stored)).split(' ')) bag.set(w, (bag.get(w) ?? 0) + 1);
  let visibleChars = 0;
  let keptChars = 0;
  for (const w of ws(visible).split(' ')) {
    if (!w) continue;
    visibleChars += w.length;
    const n = bag.get(w) ?? 0;
    if (n > 0) {
      keptChars += w.length;
      bag.set(w, n - 1);
    }
  }
  return { visibleChars, keptChars, share: visibleChars ? keptChars / visibleChars : 1 };
}
