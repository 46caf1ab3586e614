import type { GoldenItem } from '../../spec/evaluation.js';

/** A generated item with the text it came from, for the review file. */
export interface ReviewEntry {
  item: GoldenItem;
  /** Source passages shown to the reviewer, with where they come from. */
  sources: Array<{ label: string; text: string }>;
}

/**
 * Markdown a person edits: one section per item with its question, answer, kind and source text, and a
 * `- [ ] keep` checkbox. {@link applyReview} keeps the ticked items.
 */
export function renderReviewFile(entries: readonly ReviewEntry[]): string {
  const out = [
    `# Review: synthetic golden set (${entries.length} items)`,
    '',
    'Tick `- [x] keep` for each item that is right: the question is natural and self-contained, the answer is correct and',
    'supported by the source, and look-alike questions are really not answered anywhere in the documents.',
    'Then run `fathom eval generate --apply-review <this file>` (or `applyReview()`) to keep the ticked items.',
    '',
  ];
  entries.forEach(({ item, sources }, i) => {
    const kind = item.answerable ? (item.sources.length > 1 ? 'two-document' : 'single-document') : 'unanswerable look-alike';
    out.push(`## ${i + 1}. ${item.id} (${kind})`, '', '- [ ] keep', '', `**Question:** ${item.question}`, '', `**Answer:** ${item.answerable ? item.answers.join(' | ') : '(should abstain)'}`, '');
    for (const s of sources) out.push(`**Source ${s.label}:**`, '', ...s.text.split('\n').map((l) => `> ${l}`), '');
  });
  return out.join('\n');
}

/** Items whose section in the edited review file has its `keep` box ticked (`[x]` or `[X]`), in item order. */
export function applyReview({ items, review }: { items: readonly GoldenItem[]; review: string }): GoldenItem[] {
  const kept = new Set<string>();
  const sections = review.split(/^## \d+\. /m).slice(1);
  for (const s of sections) {
    const id = /^(\S+)/.exec(s)?.[1];
    if (id && /^- \[[xX]\] keep/m.test(s)) kept.add(id);
  }
  return items.filter((i) => kept.has(i.id));
}
