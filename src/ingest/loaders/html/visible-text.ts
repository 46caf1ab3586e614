/** Elements whose text a reader never sees. */
const _INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

interface _Node {
  nodeType: number;
  nodeName: string;
  nodeValue?: string | null;
  childNodes: ArrayLike<_Node>;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
}

/**
 * The text a reader sees in an element: its text nodes outside `<script>`, `<style>`, `<noscript>`,
 * `<template>` and elements marked hidden (`hidden`, `aria-hidden="true"`, inline `display:none`).
 * Walks the tree without cloning or changing it. Used to measure how much of a page extraction kept.
 */
export function visibleText(element: _Node): string {
  const parts: string[] = [];
  const walk = (node: _Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    if (_INVISIBLE_TAGS.has(node.nodeName.toUpperCase()) || node.hasAttribute?.('hidden') || node.getAttribute?.('aria-hidden') === 'true') return;
    if (/display:\s*none/i.test(node.getAttribute?.('style') ?? '')) return;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]!);
  };
  const children = element.childNodes;
  for (let i = 0; i < children.length; i++) walk(children[i]!);
  return parts.join('');
}
