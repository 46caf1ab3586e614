import { _runsText } from './_xml-text.js';

/** A PowerPoint deck's parts (by zip name) as Markdown: each slide a `## Slide N: title` section, its other text as paragraphs. */
export function pptxToMarkdown(parts: Map<string, string>): string {
  const slides = [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return slides
    .map((name, i) => {
      let title = '';
      const body: string[] = [];
      for (const sp of parts.get(name)!.matchAll(/<p:sp\b[\s\S]*?<\/p:sp>/g)) {
        const isTitle = /<p:ph\b[^>]*type="(?:title|ctrTitle)"/.test(sp[0]);
        const paragraphs = [...sp[0].matchAll(/<a:p\b[\s\S]*?<\/a:p>/g)].map((p) => _runsText(p[0], 'a:t').trim()).filter(Boolean);
        if (isTitle && !title) title = paragraphs.join(' ');
        else body.push(...paragraphs);
      }
      return [`## Slide ${i + 1}${title ? `: ${title}` : ''}`, ...body].join('\n\n');
    })
    .join('\n\n');
}
