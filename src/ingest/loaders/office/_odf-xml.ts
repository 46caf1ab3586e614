import { _xmlText } from './_xml-text.js';

/** One token of an OpenDocument XML part: a tag (open, close, or self-closing) or decoded text. */
export type _OdfToken = { kind: 'open' | 'close' | 'empty'; name: string; attrs: string } | { kind: 'text'; text: string };

/** The tokens of an XML part in order (comments, processing instructions and declarations left out). */
export function* _odfTokens(xml: string): Generator<_OdfToken> {
  const re = /<!--[\s\S]*?-->|<[?!][^>]*>|<(\/?)([\w:.-]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[5] !== undefined) yield { kind: 'text', text: _xmlText(m[5]) };
    else if (m[2] !== undefined) yield { kind: m[1] ? 'close' : m[4] ? 'empty' : 'open', name: m[2], attrs: m[3] ?? '' };
  }
}

/** An attribute's decoded value in a tag's attribute text, or undefined. */
export function _attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? _xmlText(m[1] ?? m[2] ?? '') : undefined;
}
