/**
 * reStructuredText as structured text: section titles (a line under- or over-and-underlined with one
 * punctuation character repeated) become Markdown headings, levels in order of first appearance as rST
 * defines them; literal blocks (`::` then an indented block) and `.. code-block:: lang` become fenced code;
 * other directives' markers and comments are dropped, their indented content kept.
 */
export function rstToMarkdown(source: string): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const levels: string[] = [];
  const out: string[] = [];
  const adornment = (l: string | undefined) => l !== undefined && /^([!-/:-@[-`{-~])\1{2,}\s*$/.test(l);
  const level = (key: string) => {
    if (!levels.includes(key)) levels.push(key);
    return Math.min(6, levels.indexOf(key) + 1);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    // Over- and underlined title.
    if (adornment(line) && lines[i + 1]?.trim() && adornment(lines[i + 2]) && lines[i + 2]!.trim()[0] === line.trim()[0]) {
      out.push(`${'#'.repeat(level(`over${line.trim()[0]}`))} ${lines[i + 1]!.trim()}`, '');
      i += 2;
      continue;
    }
    if (line.trim() && !/^\s/.test(line) && adornment(next) && next!.trim().length >= line.trim().length) {
      out.push(`${'#'.repeat(level(next!.trim()[0]!))} ${line.trim()}`, '');
      i += 1;
      continue;
    }
    const directive = /^\.\.\s+(code-block|code|sourcecode)::\s*(\S*)/.exec(line);
    const literal = !directive && /::\s*$/.test(line) && !/^\.\./.test(line);
    if (directive || literal) {
      if (literal) {
        const text = line.replace(/::\s*$/, line.trim() === '::' ? '' : ':');
        if (text.trim()) out.push(text);
      }
      let j = i + 1;
      while (j < lines.length && (/^\s+:\w[\w-]*:/.test(lines[j]!) || !lines[j]!.trim())) j++; // directive options, blank lines
      const block: string[] = [];
      const indent = /^(\s+)/.exec(lines[j] ?? '')?.[1]?.length ?? 0;
      while (indent > 0 && j < lines.length && (!lines[j]!.trim() || /^\s/.test(lines[j]!))) block.push(lines[j++]!.slice(indent));
      while (block.length && !block.at(-1)!.trim()) block.pop();
      if (block.length) {
        out.push('', `\`\`\`${directive?.[2] ?? ''}`, ...block, '```', '');
        i = j - 1;
        continue;
      }
    }
    if (/^\.\.\s/.test(line) || line.trim() === '..') continue; // comment or directive marker
    out.push(line);
  }
  return out.join('\n');
}
