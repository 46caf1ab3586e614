import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadEvent, Loader } from '../../spec/loader.js';
import { loaderForPath } from './index.js';
import { asciidocLoader, rstLoader } from './markup-loaders.js';

async function load(loader: Loader, name: string, text: string): Promise<LoadEvent[]> {
  const events: LoadEvent[] = [];
  for await (const e of loader.load({ path: `/tmp/${name}`, relativePath: name, bytes: new TextEncoder().encode(text), options: {} })) events.push(e);
  return events;
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
  const [e] = await load(rstLoader, 'guide.rst', rst);
  assert.equal(e?.type, 'document');
  if (e?.type !== 'document') return;
  assert.equal(e.document.format, 'rst');
  assert.equal(e.document.title, 'User guide');
  assert.deepEqual(headings(e.document.text), ['# User guide', '## Install', '### Options', '## Usage']);
  assert.match(e.document.text, /Run this:\n\n```\n# not a heading\nmake install\n```/);
  assert.match(e.document.text, /```python\n# a comment\nprint\(1\)\n```/);
  assert.match(e.document.text, /Keep the receipt\./);
  assert.doesNotMatch(e.document.text, /\.\. note::|:linenos:/);
  assert.equal(loaderForPath('docs/x.rst'), rstLoader);
});

test('.adoc: = titles become headings of the same level, [source] listings fenced, attributes and comments dropped', async () => {
  const adoc = [
    '= git-stash(1)', ':doctype: manpage', '', '== NAME', '', 'git-stash - Stash the changes away', '', '[[synopsis]]', '== SYNOPSIS', '',
    '[source,shell]', '----', '# save work', 'git stash push -m wip', '----', '', '// a comment', '=== Options', '', '.Example', 'Text after.',
  ].join('\n');
  const [e] = await load(asciidocLoader, 'git-stash.adoc', adoc);
  assert.equal(e?.type, 'document');
  if (e?.type !== 'document') return;
  assert.equal(e.document.format, 'asciidoc');
  assert.equal(e.document.title, 'git-stash(1)');
  assert.deepEqual(headings(e.document.text), ['# git-stash(1)', '## NAME', '## SYNOPSIS', '### Options']);
  assert.match(e.document.text, /```shell\n# save work\ngit stash push -m wip\n```/);
  assert.doesNotMatch(e.document.text, /:doctype:|\[\[synopsis\]\]|a comment/);
  assert.match(e.document.text, /\*\*Example\*\*\nText after\./);
  assert.equal(loaderForPath('docs/x.adoc'), asciidocLoader);
});
