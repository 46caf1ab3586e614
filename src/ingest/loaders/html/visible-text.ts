/** Elements whose text a reader never sees. */
const _INVISIBLE = 'script, style, noscript, template, [hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"]';

interface _Node {
  cloneNode(deep: boolean): unknown;
}

/**
 * The text a reader sees in an element: its text content without `<script>`, `<style>`, `<noscript>`,
 * `<template>` and elements marked hidden (`hidden`, `aria-hidden="true"`, inline `display:none`).
 * Works on a clone; the element is not changed. Used to measure how much of a page extraction kept.
 */
export function visibleText(element: _Node): string {
  const clone = element.cloneNode(true) as { querySelectorAll(s: string): Iterable<{ remove(): void }>; textContent: string | null };
  for (const el of [...clone.querySelectorAll(_INVISIBLE)]) el.remove();
  return clone.textContent ?? '';
}
