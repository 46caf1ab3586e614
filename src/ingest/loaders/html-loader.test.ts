import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadEvent } from '../../spec/loader.js';
import { htmlLoader } from './html-loader.js';

async function load(html: string | Uint8Array): Promise<LoadEvent[]> {
  const bytes = typeof html === 'string' ? new TextEncoder().encode(html) : html;
  const events: LoadEvent[] = [];
  for await (const e of htmlLoader.load({ path: '/tmp/support.html', relativePath: 'site/support.html', bytes, options: {} })) events.push(e);
  return events;
}

const para = 'Our support team answers email on weekdays and keeps a public status page for incidents. ';
const page = `<!doctype html><html><head><title>Support hours | Tallyo</title><style>body{}</style><script>track()</script></head><body>
<header class="site-header"><a href="/">Tallyo</a><nav><a href="/pricing">Pricing</a><a href="/docs">Docs</a></nav></header>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.</p><button>Accept all</button></div>
<main><article>
<h1>Support hours</h1><p>${para.repeat(3)}</p>
<h2>Response times</h2>
<table><thead><tr><th>Plan</th><th>First response</th></tr></thead><tbody><tr><td>Team</td><td>1 business day</td></tr><tr><td>Enterprise</td><td>1 hour</td></tr></tbody></table>
<h3>Holidays</h3><p>${para.repeat(2)}</p>
</article></main>
<footer class="site-footer"><p>© 2026 Tallyo Ltd. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>`;

test('removes navigation, header, footer, cookie banner and scripts; keeps headings as # Markdown', async () => {
  const [event] = await load(page);
  assert.equal(event?.type, 'document');
  if (event?.type !== 'document') return;
  const { text, title, format } = event.document;
  assert.equal(title, 'Support hours | Tallyo');
  assert.equal(format, 'html');
  assert.match(text, /^# Support hours$/m);
  assert.match(text, /^## Response times$/m);
  assert.match(text, /^### Holidays$/m);
  assert.match(text, /\| Enterprise \| 1 hour \|/);
  for (const junk of ['cookies', 'Accept all', 'All rights reserved', 'Pricing', 'track()', 'body{}']) assert.ok(!text.includes(junk), `'${junk}' should be removed`);
});

test('falls back to the cleaned body when there is no article, title from h1', async () => {
  const [event] = await load('<html><body><nav>Menu</nav><h1>Tiny page</h1><p>Short text.</p><footer>Footer</footer></body></html>');
  assert.equal(event?.type, 'document');
  if (event?.type !== 'document') return;
  assert.equal(event.document.title, 'Tiny page');
  assert.equal(event.document.text, '# Tiny page\n\nShort text.');
});

test('a page with only boilerplate is FILE_EMPTY; a binary file is BINARY_CONTENT', async () => {
  const [empty] = await load('<html><body><nav>Menu</nav><script>x()</script></body></html>');
  assert.equal(empty?.type === 'skip' && empty.skip.code, 'FILE_EMPTY');
  const [binary] = await load(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  assert.equal(binary?.type === 'skip' && binary.skip.code, 'BINARY_CONTENT');
});

// C2: 2,000 levels (22 KB) took 43 s in Readability; 5,000 over 200 s.
test('HTML nested deeper than depth is LIMIT_EXCEEDED; one with more start tags than elements too, before parsing', { timeout: 60_000 }, async () => {
  const [deep] = await load(`<html><body>${'<div>'.repeat(2000)}deep${'</div>'.repeat(2000)}</body></html>`);
  assert.equal(deep?.type === 'skip' && deep.skip.limit?.name, 'ingest.limits.depth');
  const wide = `<html><body>${'<p>x</p>'.repeat(100_010)}</body></html>`;
  const [many] = await load(wide);
  assert.equal(many?.type === 'skip' && many.skip.limit?.name, 'ingest.limits.elements');
  // 400 levels: under the limit; Readability is skipped (too deep for it) and the text still comes through.
  const [ok] = await load(`<html><body>${'<div>'.repeat(400)}<p>Still readable at depth.</p>${'</div>'.repeat(400)}</body></html>`);
  assert.equal(ok?.type === 'document' && ok.document.text, 'Still readable at depth.');
});
