import { _runsText, _xmlText } from './_xml-text.js';

/** An Excel workbook's parts (by zip name) as Markdown: each sheet a `## name` section holding one table. */
export function xlsxToMarkdown(parts: Map<string, string>): string {
  const shared = [...(parts.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => _runsText(m[1]!, 't'));
  const rels = new Map([...(parts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])?.[1] ?? '', /Target="([^"]+)"/.exec(m[0])?.[1] ?? '']));
  const sections: string[] = [];
  for (const m of (parts.get('xl/workbook.xml') ?? '').matchAll(/<sheet\b[^>]*>/g)) {
    const name = _xmlText(/name="([^"]*)"/.exec(m[0])?.[1] ?? 'Sheet');
    const target = rels.get(/r:id="([^"]+)"/.exec(m[0])?.[1] ?? '') ?? '';
    const xml = parts.get(target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
    if (!xml) continue;
    const rows: string[][] = [];
    for (const r of xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
      const row: string[] = [];
      for (const c of r[1]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const ref = /r="([A-Z]+)\d+"/.exec(c[1]!)?.[1];
        const col = ref ? [...ref].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : row.length;
        const type = /t="(\w+)"/.exec(c[1]!)?.[1];
        const v = /<v>([\s\S]*?)<\/v>/.exec(c[2] ?? '')?.[1];
        const text = type === 's' ? (shared[Number(v)] ?? '') : type === 'inlineStr' ? _runsText(c[2] ?? '', 't') : _xmlText(v ?? '');
        row[col] = text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
      }
      if (row.some((x) => x)) rows.push(Array.from(row, (x) => x ?? ''));
    }
    if (rows.length === 0) continue;
    const width = Math.max(...rows.map((r) => r.length));
    const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
    sections.push(`## ${name}\n\n${[line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n')}`);
  }
  return sections.join('\n\n');
}
