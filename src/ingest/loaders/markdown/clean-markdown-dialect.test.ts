import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownLoader } from '../markdown-loader.js';

async function load(md: string): Promise<{ text: string; title: string; metadata: Record<string, unknown> }> {
  for await (const e of markdownLoader.load({ path: '/tmp/a.md', relativePath: 'a.md', bytes: new TextEncoder().encode(md), options: {} })) {
    if (e.type === 'document') return e.document;
  }
  throw new Error('no document');
}

test('front matter is parsed as YAML: lists and nested maps kept as metadata, title used, body clean', async () => {
  const doc = await load('---\ntitle: Built-in blog plugin\ntags:\n  - blog\n  - plugins\nsocial:\n  cards: false\n  layout: { name: default }\n---\n\n# Blog\n\nText.\n');
  assert.equal(doc.title, 'Built-in blog plugin');
  assert.deepEqual(doc.metadata.tags, ['blog', 'plugins']);
  assert.deepEqual(doc.metadata.social, { cards: false, layout: { name: 'default' } });
  assert.doesNotMatch(doc.text, /title:|tags:/);
});

test('MkDocs dialect: { #id } heading attributes, inline heading HTML, md: comments and /// markers removed outside code only', async () => {
  const doc = await load([
    '# Setup { #setup }', '', '<!-- md:version 9.5.0 -->', '<!-- md:flag experimental -->', '', '## Browser <small>optional</small> { #browser .x }', '',
    '/// note | Read this', 'Body of the block.', '///', '', '```python', '# keep { #this } and <!-- this -->', '///', '```', '',
  ].join('\n'));
  assert.match(doc.text, /^# Setup$/m);
  assert.match(doc.text, /^## Browser optional$/m);
  assert.match(doc.text, /^\*\*Note: Read this\*\*$/m);
  assert.doesNotMatch(doc.text, /md:version|md:flag/);
  assert.match(doc.text, /```python\n# keep \{ #this \} and <!-- this -->\n\/\/\/\n```/);
  assert.equal((doc.text.match(/\{ #/g) ?? []).length, 1);
});

test('a block attribute list on its own line ({ #feedback style="…" }) is removed outside code; braces in prose stay', async () => {
  const doc = await load(['Was this page helpful?', '{ #feedback style="margin: 0; height: 0" }', '', 'Use {name} in the template.', '{: .note }', '', '```text', '{ #kept-in-code }', '```', ''].join('\n'));
  assert.doesNotMatch(doc.text, /#feedback|\{: \.note \}/);
  assert.match(doc.text, /Use \{name\} in the template\./);
  assert.match(doc.text, /```text\n\{ #kept-in-code \}\n```/);
});
