import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToMarkdown } from './_html-to-markdown.js';

test('tables become GFM tables with exactly one header row', async () => {
  const allHeaders = '<table><thead><tr><th>A</th><th>B</th></tr><tr><th>1</th><th>2</th></tr></thead></table>';
  assert.equal(await htmlToMarkdown(allHeaders), '| A | B |\n| --- | --- |\n| 1 | 2 |');
  const noHeaders = '<table><tr><td><p>Plan</p></td><td>Price</td></tr><tr><td>Team</td><td><p>$12</p><p>per seat</p></td></tr></table>';
  assert.equal(await htmlToMarkdown(noHeaders), '| Plan | Price |\n| --- | --- |\n| Team | $12 per seat |');
});

test('headings are ATX, lists compact, code fenced, images reduced to alt text', async () => {
  const md = await htmlToMarkdown('<h2>Setup</h2><ol><li>One</li><li>Two</li></ol><ul><li>x</li></ul><pre><code>npm i</code></pre><p><img src="a.png" alt="Diagram"></p>');
  assert.equal(md, '## Setup\n\n1. One\n2. Two\n\n- x\n\n```\nnpm i\n```\n\nDiagram');
});
