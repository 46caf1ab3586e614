import fc from 'fast-check';

const words = ['price', 'plan', 'Enterprise', 'refund', 'the', 'a', 'support', 'days', '30', '3.14', 'v1.2.3', 'e.g.', 'Dr.', 'U.S.', 'naïve', '😀', '👩‍💻', '中文', '日本語', 'supercalifragilisticexpialidocious', 'x'];
const word = fc.constantFrom(...words);
const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 14 }), fc.constantFrom('.', '!', '?', '。')).map(([ws, p]) => {
  const s = ws.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + p;
});
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((ss) => ss.join(' '));
const heading = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.array(word, { minLength: 1, maxLength: 3 })).map(([l, ws]) => `${'#'.repeat(l)} ${ws.join(' ')}`);
const list = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.map((s) => `- ${s}`).join('\n'));
const table = fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((rows) => rows.map((r) => `| ${r.join(' | ')} |`).join('\n'));
const longSentence = fc.array(word, { minLength: 40, maxLength: 120 }).map((ws) => `${ws.join(' ')}.`);

/** Random Markdown-ish documents: headings, paragraphs, lists, tables, long sentences, unicode. */
export const markdownDoc = fc
  .array(fc.oneof({ arbitrary: paragraph, weight: 5 }, { arbitrary: heading, weight: 2 }, { arbitrary: list, weight: 1 }, { arbitrary: table, weight: 1 }, { arbitrary: longSentence, weight: 1 }), { maxLength: 14 })
  .chain((blocks) => fc.constantFrom('\n\n', '\n\n\n').map((sep) => blocks.join(sep)));

/** Titles of the headings in force at offset `pos`, outermost first (the test oracle). */
export function headingPathAt(text: string, pos: number): string[] {
  const stack: Array<{ level: number; title: string }> = [];
  for (const m of text.matchAll(/^(#{1,6}) +(.*)$/gm)) {
    if (m.index > pos) break;
    const level = (m[1] as string).length;
    while (stack.length > 0 && (stack.at(-1) as { level: number }).level >= level) stack.pop();
    stack.push({ level, title: (m[2] as string).trim() });
  }
  return stack.map((h) => h.title);
}
