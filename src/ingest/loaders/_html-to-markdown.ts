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
    // Compact list markers ("- item", "1. item") instead of turndown's padded "-   item".
    service.addRule('list-item', {
      filter: 'li',
      replacement: (content, node) => {
        const parent = node.parentNode as unknown as { nodeName: string; getAttribute(n: string): string | null; children: ArrayLike<unknown> } | null;
        let prefix = '- ';
        if (parent?.nodeName === 'OL') {
          const start = Number(parent.getAttribute('start') ?? 1) || 1;
          prefix = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
        }
        const body = content.replace(/^\n+/, '').replace(/\n+$/, '\n').replace(/\n/gm, `\n${' '.repeat(prefix.length)}`);
        return prefix + body + (node.nextSibling && !/\n$/.test(body) ? '\n' : '');
      },
    });
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
    const rows = [...table.querySelectorAll('tr')];
    // GFM has exactly one header row: the first row gets <th> cells, every other row <td> cells.
    rows.forEach((row, i) => {
      for (const cell of [...row.querySelectorAll(i === 0 ? 'td' : 'th')]) {
        const swapped = document.createElement(i === 0 ? 'th' : 'td');
        swapped.innerHTML = cell.innerHTML;
        cell.replaceWith(swapped);
      }
    });
    const [head, ...body] = rows;
    if (head && body.length && body.some((row) => row.parentNode !== head.parentNode || row.parentNode?.nodeName === 'THEAD')) {
      const tbody = document.createElement('tbody');
      for (const row of body) tbody.appendChild(row);
      for (const old of table.querySelectorAll('tbody')) old.remove();
      const thead = document.createElement('thead');
      thead.appendChild(head);
      for (const old of table.querySelectorAll('thead')) old.remove();
      table.append(thead, tbody);
    }
  }
  return document.body.innerHTML;
}
