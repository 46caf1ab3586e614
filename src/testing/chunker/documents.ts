/**
 * The chunker suite's texts: Markdown with what chunkers get wrong — headings at every level, lists, tables,
 * fenced code with blank lines, abbreviations and decimals inside sentences, CJK and emoji (multi-unit
 * characters), a sentence longer than small budgets, CRLF-free normalised text as loaders produce it.
 */
export const chunkerDocuments: readonly string[] = [
  '',
  'One short sentence.',
  '# Pricing\n\nIntro to pricing. Dr. Smith set it at $4.50 per seat, i.e. cheap.\n\n## Enterprise\n\nEnterprise costs more. It has support 24/7.\n\n## Team\n\nTeam is cheap.',
  'Intro.\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\n- first item\n- second item with more words in it\n  - nested item',
  `# Long\n\n${Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ')}.\n\nAfter the long sentence. Another one follows here.`,
  '# 中文\n\n这是第一句。这是第二句，比较长一些。\n\n## Emoji 😀\n\nSmile 😀😀😀 at the refund policy. The policy 👍 says 30 days.',
  Array.from({ length: 12 }, (_, i) => `## Section ${i + 1}\n\n${'Refunds take days. Support answers fast. '.repeat((i % 4) + 1).trim()}`).join('\n\n'),
];
