import type TurndownService from 'turndown';

let _service: Promise<TurndownService> | undefined;

/**
 * HTML → Markdown with ATX headings, fenced code and GFM tables. Tables are made GFM-convertible first
 * (a header row is ensured and block elements inside cells are flattened), otherwise turndown-plugin-gfm
 * would leave them as raw HTML. turndown and linkedom are imported on first use.
 */
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
  const service = await _service;
  return service.turndown(/<table[\s>]/i.test(html) ? await _prepareTables(html) : html);
}

async function _prepareTables(html: string): Promise<string> {
  const { parseHTML } = await import('linkedom');
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const table of document.querySelectorAll('table')) {
    for (const cell of table.querySelectorAll('td, th')) {
      cell.innerHTML = cell.innerHTML.replace(/<\/?(?:p|div|ul|ol|li|h[1-6])(?:\s[^>]*)?>|<br\s*\/?>/gi, ' ').replace(/\s+/g, ' ').trim();
    }
    const firstRow = table.querySelector('tr');
    if (!firstRow || table.querySelector('th')) continue;
    for (const td of [...firstRow.querySelectorAll('td')]) {
      const th = document.createElement('th');
      th.innerHTML = td.innerHTML;
      td.replaceWith(th);
    }
  }
  return document.body.innerHTML;
}
