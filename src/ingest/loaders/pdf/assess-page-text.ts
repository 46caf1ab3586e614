/** A page whose extracted text is not usable text, with the reason a person can act on. */
export interface GarbagePage {
  page: number;
  reason: string;
}

const _CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
const _PRIVATE_USE = /[\ue000-\uf8ff]/gu;
const _REPLACEMENT = /\ufffd/gu;

/** Thresholds of {@link assessPageText}. */
export const PAGE_QUALITY = { maxBadShare: 0.1, maxMeanWordLength: 20, minCharsToJudge: 40 } as const;

/**
 * Judge one page's raw text layer (before normalisation): the share of control, private-use and replacement
 * characters among non-whitespace characters, and the mean word length (a text layer of glyph ids or a
 * font without a Unicode map has no word breaks). Returns the reason it is garbage, or undefined when usable.
 * Pages with fewer than 40 non-whitespace characters are not judged.
 */
export function assessPageText(raw: string): string | undefined {
  const dense = raw.replace(/\s+/g, '');
  if (dense.length < PAGE_QUALITY.minCharsToJudge) return undefined;
  const bad = (dense.match(_CONTROL)?.length ?? 0) + (dense.match(_PRIVATE_USE)?.length ?? 0) + (dense.match(_REPLACEMENT)?.length ?? 0);
  const badShare = bad / dense.length;
  if (badShare > PAGE_QUALITY.maxBadShare) return `${Math.round(badShare * 100)}% control, private-use or replacement characters`;
  const words = raw.split(/\s+/).filter(Boolean);
  const mean = dense.length / Math.max(1, words.length);
  if (mean > PAGE_QUALITY.maxMeanWordLength) return `mean word length ${Math.round(mean)} characters (no word breaks)`;
  return undefined;
}
