import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadedDocument } from '../../spec/document.js';
import type { LoadEvent, Loader } from '../../spec/loader.js';
import { loaderForPath } from './index.js';
import { asciidocLoader, rstLoader } from './markup-loaders.js';

/** Loads `text` as one file and returns its document (asserting that it was one, not a skip). */
async function loadDocument(loader: Loader, name: string, text: string): Promise<LoadedDocument> {
  const events: LoadEvent[] = [];
  for await (const e of loader.load({ path: `/tmp/${name}`, relativePath: name, bytes: new TextEncoder().encode(text), options: {} })) events.push(e);
  const [e] = events;
  assert.equal(e?.type, 'document');
  return (e as Extract<LoadEvent, { type: 'document' }>).document;
}

const headings = (markdown: string) => markdown.replace(/```[\s\S]*?```/g, '').split('\n').filter((l) => /^#+ /.test(l));

test('.rst: section titles become headings (levels by first appearance, overlined too), literal and code-block blocks are fenced', async () => {
  const rst = [
    '=========', 'User guide', '=========', '', 'Intro text.', '',
    'Install', '-------', '', 'Run this::', '', '    # not a heading', '    make install', '',
    'Options', '~~~~~~~', '', '.. code-block:: python', '   :linenos:', '', '   # a comment', '   print(1)', '',
    '.. note::', '', '   Keep the receipt.', '',
    'Usage', '-----', '', 'Done.',
  ].join('\n');
  const doc = await loadDocument(rstLoader, 'guide.rst', rst);
  assert.deepEqual([doc.format, doc.title], ['rst', 'User guide']);
  assert.deepEqual(headings(doc.text), ['# User guide', '## Install', '### Options', '## Usage']);
  assert.match(doc.text, /Run this:\n\n```\n# not a heading\nmake install\n```/);
  assert.match(doc.text, /```python\n# a comment\nprint\(1\)\n```/);
  assert.match(doc.text, /Keep the receipt\./);
  assert.doesNotMatch(doc.text, /\.\. note::|:linenos:/);
  assert.equal(loaderForPath('docs/x.rst'), rstLoader);
});

test('.adoc: = titles become headings of the same level, [source] listings fenced, attributes and comments dropped', async () => {
  const adoc = [
    '= git-stash(1)', ':doctype: manpage', '', '== NAME', '', 'git-stash - Stash the changes away', '', '[[synopsis]]', '== SYNOPSIS', '',
    '[source,shell]', '----', '# save work', 'git stash push -m wip', '----', '', '// a comment', '=== Options', '', '.Example', 'Text after.',
  ].join('\n');
  const doc = await loadDocument(asciidocLoader, 'git-stash.adoc', adoc);
  assert.deepEqual([doc.format, doc.title], ['asciidoc', 'git-stash(1)']);
  assert.deepEqual(headings(doc.text), ['# git-stash(1)', '## NAME', '## SYNOPSIS', '### Options']);
  assert.match(doc.text, /```shell\n# save work\ngit stash push -m wip\n```/);
  assert.doesNotMatch(doc.text, /:doctype:|\[\[synopsis\]\]|a comment/);
  assert.match(doc.text, /\*\*Example\*\*\nText after\./);
  assert.equal(loaderForPath('docs/x.adoc'), asciidocLoader);
});
