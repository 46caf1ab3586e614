// Tag names the prompt uses to fence data; look-alikes inside data are neutralised so data cannot close a fence.
const FENCE_TAG = /<(\s*\/?\s*(?:sources?|claim|question|documents?|context|instructions?|system)\b)/gi;

/** Neutralises fence look-alikes (`</source>`, `< /sources >`, `<question>`…) in untrusted text. */
export function _fenceText(text: string): string {
  return text.replace(FENCE_TAG, '&lt;$1');
}

/** Escapes a value for a double-quoted tag attribute. */
export function _attr(value: string): string {
  return _fenceText(value).replace(/&(?!lt;)/g, '&amp;').replace(/"/g, '&quot;').replace(/[\r\n]+/g, ' ');
}
