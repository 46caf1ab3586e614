import { _parseBlocks } from './_markdown.js';
import { _blockUnit, type _Unit } from './_units.js';

/** An open heading: its level and text. */
export interface _Heading {
  level: number;
  title: string;
}

/** The units under one heading path. A section never shares a chunk with the next one. */
export interface _Section {
  path: _Heading[];
  units: _Unit[];
}

/**
 * Groups the Markdown blocks of `[start, end)` into sections at ATX headings, starting from the open
 * headings `base`. A heading with no content of its own directly followed by a deeper heading travels with
 * that subsection (its chunk then says e.g. `['Pricing', 'Enterprise']`, which is true of its content).
 */
export function _sections(text: string, start: number, end: number, base: _Heading[] = []): _Section[] {
  const out: _Section[] = [];
  let stack = base.slice();
  let cur: _Section = { path: stack.slice(), units: [] };
  let carried: _Unit[] = [];
  let curIsBareHeading = false;
  for (const block of _parseBlocks(text, start, end)) {
    if (block.kind !== 'heading') {
      cur.units.push(_blockUnit(block));
      curIsBareHeading = false;
      continue;
    }
    const level = block.level as number;
    const deeper = stack.length === 0 || level > (stack.at(-1) as _Heading).level;
    if (curIsBareHeading && deeper) {
      carried = cur.units; // travels into the subsection
    } else {
      if (cur.units.length > 0) out.push(cur);
      carried = [];
    }
    stack = stack.filter((h) => h.level < level);
    stack.push({ level, title: block.title as string });
    cur = { path: stack.slice(), units: [...carried, { start: block.start, end: block.end, split: 'sentences' }] };
    curIsBareHeading = true;
  }
  if (cur.units.length > 0) out.push(cur);
  return out;
}
