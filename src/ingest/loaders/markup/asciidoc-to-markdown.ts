/**
 * AsciiDoc as structured text: `=`…`======` section titles become Markdown headings of the same level,
 * listing/literal blocks (`----`, `....`, with an optional `[source,lang]` line before) become fenced code,
 * block attributes (`[...]`), anchors (`[[id]]`) and comment lines (`//`) are dropped, `.Title` block titles
 * become bold lines.
 */
export function asciidocToMarkdown(source: string): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let lang = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^(={1,6})\s+(\S.*)$/.exec(line);
    if (heading) {
      out.push(`${'#'.repeat(heading[1]!.length)} ${heading[2]!.trim()}`, '');
      continue;
    }
    const fence = /^(-{4,}|\.{4,})\s*$/.exec(line);
    if (fence) {
      const block: string[] = [];
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() !== fence[1]) block.push(lines[j++]!);
      out.push('', `\`\`\`${lang}`, ...block, '```', '');
      lang = '';
      i = j;
      continue;
    }
    const source = /^\[source(?:,\s*([\w+#.-]+))?[^\]]*\]\s*$/.exec(line);
    if (source) {
      lang = source[1] ?? '';
      continue;
    }
    if (/^\[\[?[^\]]*\]\]?\s*$/.test(line) || /^\/\/(?!\/)/.test(line) || /^:[\w-]+:/.test(line)) continue;
    const title = /^\.([^.\s].*)$/.exec(line);
    if (title) {
      out.push(`**${title[1]!.trim()}**`);
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}
