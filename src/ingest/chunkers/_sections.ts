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
  /** Paths in force from each offset on (more than one when bare parent headings were carried in). */
  marks: Array<{ at: number; path: _Heading[] }>;
}

/** The headings in force at the end of `[start, end)` of a section. */
export function _pathAt(section: _Section, end: number): _Heading[] {
  let path = section.path;
  for (const m of section.marks) if (m.at < end) path = m.path;
  return path;
}

/**
 * Groups the Markdown blocks of `[start, end)` into sections at ATX headings, starting from the open
 * headings `base`. A heading with no content of its own directly followed by a deeper heading travels with
 * that subsection (its chunk then says e.g. `['Pricing', 'Enterprise']`, which is true of its content).
 */
export function _sections(text: string, start: number, end: number, base: _Heading[] = []): _Section[] {
  const out: _Section[] = [];
  let stack = base.slice();
  let cur: _Section = { path: stack.slice(), units: [], marks: [] };
  let carried: _Unit[] = [];
  let carriedMarks: _Section['marks'] = [];
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
      carriedMarks = cur.marks;
    } else {
      if (cur.units.length > 0) out.push(cur);
      carried = [];
      carriedMarks = [];
    }
    stack = stack.filter((h) => h.level < level);
    stack.push({ level, title: block.title as string });
    const path = stack.slice();
    cur = { path, units: [...carried, { start: block.start, end: block.end, split: 'sentences' }], marks: [...carriedMarks, { at: block.start, path }] };
    curIsBareHeading = true;
  }
  if (cur.units.length > 0) out.push(cur);
  return out;
}
