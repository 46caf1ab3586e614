/** The element API `_htmlShape` walks (linkedom's and the browser's). */
interface _El {
  firstElementChild: _El | null;
  nextElementSibling: _El | null;
  parentElement: _El | null;
}

/**
 * Element count and maximum nesting depth under `root`, walked without recursion (a page nested 100,000
 * deep must not overflow the stack). Stops as soon as either passes its cap (the values are then cap + 1).
 */
export function _htmlShape(root: _El | null, maxElements: number, maxDepth: number): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  let maxSeen = 0;
  let el = root;
  while (el) {
    elements++;
    if (depth > maxSeen) maxSeen = depth;
    if (elements > maxElements || maxSeen > maxDepth) break;
    if (el.firstElementChild) {
      el = el.firstElementChild;
      depth++;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    if (!el || el === root) break;
    el = el.nextElementSibling;
  }
  return { elements, depth: maxSeen + 1 };
}
