import { _xmlText } from './_xml-text.js';

/** The title in an OpenDocument `meta.xml` (`dc:title`), or undefined. */
export function odfTitle(meta: string | undefined): string | undefined {
  const m = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(meta ?? '');
  return m ? _xmlText(m[1]!).trim() || undefined : undefined;
}
