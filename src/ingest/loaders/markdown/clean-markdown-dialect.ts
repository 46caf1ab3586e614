/**
 * Remove Markdown-dialect artefacts that are not text a reader sees (outside fenced code only):
 * attribute lists on headings (`## Title { #id .class }`) and alone on a line (a block's), inline HTML tags in headings (their text stays:
 * `Browser <small>optional</small>` → `Browser optional`), HTML comments (`<!-- md:version 9.5.0 -->`),
 * and pymdownx block markers: `/// note | Title` becomes `**Note: Title**`, a closing `///` goes.
 */
export function cleanMarkdownDialect(text: string): string {
  if (!/\{|<!--|\/\/\/|^ {0,3}#{1,6}[^\n]*</m.test(text)) return text;
  const out: string[] = [];
  let fence: string | undefined;
  let inComment = false;
  for (const line of text.split('\n')) {
    const f = /^[ \t>]*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      out.push(line);
      if (f && f[1]!.startsWith(fence)) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1]!;
      out.push(line);
      continue;
    }
    let l = line;
    if (inComment) {
      const end = l.indexOf('-->');
      if (end < 0) continue;
      l = l.slice(end + 3);
      inComment = false;
    }
    l = l.replace(/<!--[\s\S]*?-->/g, '');
    const open = l.indexOf('<!--');
    if (open >= 0) {
      l = l.slice(0, open);
      inComment = true;
    }
    if (/^[ \t]*\{:?[ \t]*[#.][^}\n]*\}[ \t]*$/.test(l)) continue; // a block attribute list (attr_list): `{ #id .class }` alone on a line
    if (/^ {0,3}#{1,6}[ \t]/.test(l)) l = l.replace(/[ \t]*\{:?[ \t]*[#.][^}\n]*\}[ \t]*$/, '').replace(/<\/?[a-zA-Z][^>\n]*>/g, '');
    const block = /^[ \t]*\/{3,}[ \t]*([A-Za-z][\w-]*)?[ \t]*(?:\|[ \t]*(.*))?$/.exec(l);
    if (block) {
      if (!block[1]) continue;
      const kind = block[1][0]!.toUpperCase() + block[1].slice(1);
      l = `**${block[2]?.trim() ? `${kind}: ${block[2].trim()}` : kind}**`;
    }
    if (l.trim() === '' && line.trim() !== '' && /<!--|\/\/\//.test(line)) continue;
    out.push(l);
  }
  return out.join('\n');
}
