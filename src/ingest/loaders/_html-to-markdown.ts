import type TurndownService from 'turndown';

let _service: Promise<TurndownService> | undefined;

/** HTML → Markdown with ATX headings, fenced code and GFM tables. turndown is imported on first use. */
export async function htmlToMarkdown(html: string): Promise<string> {
  _service ??= (async () => {
    const [{ default: Turndown }, { gfm }] = await Promise.all([import('turndown'), import('turndown-plugin-gfm')]);
    const service = new Turndown({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
    service.use(gfm);
    service.remove(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'button', 'form']);
    // Images carry no retrievable text; keep their alt text only.
    service.addRule('image-alt', { filter: 'img', replacement: (_content, node) => (node as unknown as { getAttribute(name: string): string | null }).getAttribute('alt') ?? '' });
    return service;
  })();
  return (await _service).turndown(html);
}
