import type { TextItem } from './page-layout.js';

/** Operators that put ink on a page (paths, images, shadings), by pdf.js `OPS` name. */
const _PAINT_OPS = ['constructPath', 'fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'stroke', 'shadingFill', 'rawFillPath', 'paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'paintSolidColorImageMask', 'paintXObject'];

interface _Page {
  view: number[];
  getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number; fontName?: string }> }>;
  getOperatorList(): Promise<{ fnArray: number[] }>;
}

/** One page: its text items with positions (pdf.js `getTextContent`), size in points, and whether it draws anything (asked only for pages without text). */
export async function readPdfPage(pdf: { getPage(n: number): Promise<unknown> }, n: number): Promise<{ items: TextItem[]; width: number; height: number; paints: () => Promise<boolean> }> {
  const page = (await pdf.getPage(n)) as _Page;
  const { items } = await page.getTextContent();
  const out: TextItem[] = [];
  for (const i of items) {
    if (typeof i.str !== 'string' || !i.transform) continue;
    const [a, b, c, d, x, y] = i.transform as [number, number, number, number, number, number];
    out.push({ str: i.str, x, y, width: i.width ?? 0, height: i.height || Math.hypot(c, d) || 10, ...(Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a < 0 ? { rotated: true } : {}), ...(i.fontName ? { fontName: i.fontName } : {}) });
  }
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view ?? [];
  const paints = async () => {
    const { getResolvedPDFJS } = await import('unpdf');
    const ops = (await getResolvedPDFJS()).OPS as Record<string, number>;
    const paint = new Set(_PAINT_OPS.map((name) => ops[name]).filter((v) => v !== undefined));
    const { fnArray } = await page.getOperatorList();
    return fnArray.some((fn) => paint.has(fn));
  };
  return { items: out, width: Math.abs(x1 - x0), height: Math.abs(y1 - y0), paints };
}
