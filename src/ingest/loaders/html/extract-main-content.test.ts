import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createChunker } from '../../chunkers/index.js';
import { createGptTokenizer } from '../../../util/tokenizers/index.js';
import { htmlLoader } from '../html-loader.js';

async function load(html: string): Promise<{ text: string; metadata: Record<string, unknown> }> {
  for await (const e of htmlLoader.load({ path: '/tmp/p.html', relativePath: 'p.html', bytes: new TextEncoder().encode(html), options: {} })) {
    if (e.type === 'document') return { text: e.document.text, metadata: e.document.metadata };
    throw new Error(`skipped: ${JSON.stringify(e)}`);
  }
  throw new Error('no event');
}

const para = (s: string): string => `<p>${s} This sentence explains the behaviour in enough words to look like documentation prose.</p>`;
const nav = '<nav class="sidebar"><a href="/">Home</a><a href="/guide">Guide: installing everything</a></nav>';
const fenced = (text: string, lang: string, code: string): boolean => text.includes(`\`\`\`${lang}\n${code}\n\`\`\``);

test('Sphinx: div.body[role=main] is the region; highlight-python code fenced with # comments, headerlink ¶ gone, admonition labelled', async () => {
  const { text } = await load(`<html><body><div class="sphinxsidebar">${nav}<div id="searchbox">Quick search</div></div>
  <div class="document"><div class="bodywrapper"><div class="body" role="main"><section><h1>Constraints<a class="headerlink" href="#constraints">¶</a></h1>
  ${para('Parameters can be constrained.')}
  <div class="highlight-python notranslate"><div class="highlight"><pre><span></span><span class="c1"># a comment, not a heading</span>
<span class="n">params</span><span class="o">.</span><span class="n">add</span><span class="p">(</span><span class="s1">'x'</span><span class="p">)</span>
</pre></div></div>
  <div class="admonition warning"><p class="admonition-title">Warning</p>${para('Bounds are enforced.')}</div>
  <section><h2>Using expressions<a class="headerlink" href="#e">¶</a></h2>${para('Expressions refer to other parameters.')}</section></section></div></div></div>
  <div class="footer">© Copyright 2024, the authors. Created using Sphinx.</div></body></html>`);
  assert.ok(fenced(text, 'python', "# a comment, not a heading\nparams.add('x')"), text);
  assert.match(text, /^# Constraints$/m);
  assert.match(text, /^## Using expressions$/m);
  assert.doesNotMatch(text, /¶|Quick search|Created using Sphinx|Guide: installing/);
  assert.match(text, /^> \*\*Warning:\*\*/m);
  const chunks = await createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 64 }).chunk({ text });
  for (const c of chunks) assert.ok(!c.headingPath.some((h) => h.includes('comment')), `heading path from a code comment: ${c.headingPath.join(' > ')}`);
});

test('MkDocs Material: article.md-content__inner; edit button, feedback widget, line numbers, copy button dropped; language-x kept', async () => {
  const { text } = await load(`<html><body><header class="md-header">Material site</header><div class="md-banner">Sponsor us today</div>
  <div class="md-sidebar md-sidebar--primary">${nav}</div><main class="md-main"><div class="md-content">
  <article class="md-content__inner md-typeset"><a href="edit" class="md-content__button md-icon" title="Edit this page">Edit this page</a>
  <h1 id="usage">Usage<a class="headerlink" href="#usage" title="Permanent link">¶</a></h1>${para('Autodoc syntax is simple.')}
  <div class="language-yaml highlight"><table class="highlighttable"><tr><td class="linenos"><div class="linenodiv"><pre><span>1</span>
<span>2</span></pre></div></td><td class="code"><div><pre><span></span><code><span class="nt">plugins</span><span class="p">:</span>
<span class="p">-</span><span class="w"> </span><span class="l">mkdocstrings</span>
</code></pre></div></td></tr></table></div><button class="md-clipboard" title="Copy to clipboard">Copy</button>
  <details class="tip"><summary>Tip</summary>${para('Use the handler option.')}</details>
  <form class="md-feedback"><fieldset><legend>Was this page helpful?</legend></fieldset></form>
  </article></div></main><footer class="md-footer">Made with Material for MkDocs</footer></body></html>`);
  assert.ok(fenced(text, 'yaml', 'plugins:\n- mkdocstrings'), text);
  assert.doesNotMatch(text, /Edit this page|Was this page helpful|Sponsor us|Made with Material|Copy|¶/);
  assert.match(text, /^> \*\*Tip:\*\*/m);
});

test('Docusaurus: .theme-doc-markdown; token lines joined with <br>, hash-link, breadcrumbs, TOC, prev/next gone', async () => {
  const { text } = await load(`<html><body><nav class="navbar">Docs Blog</nav><div class="main-wrapper"><aside class="theme-doc-sidebar-container">${nav}</aside>
  <main><div class="row"><div class="col"><nav class="theme-doc-breadcrumbs" aria-label="Breadcrumbs">Home › Guide</nav>
  <article><div class="theme-doc-markdown markdown"><header><h1>Quickstart</h1></header>${para('Install the SDK first.')}
  <h2 id="cli">Using the CLI<a href="#cli" class="hash-link" aria-label="Direct link to Using the CLI">​</a></h2>
  <div class="language-bash codeBlockContainer_x"><div class="codeBlockContent_y"><pre class="prism-code language-bash codeBlock_z"><code class="codeBlockLines_q"><span class="token-line"><span class="token comment"># Defining the host is optional</span><br></span><span class="token-line"><span class="token plain">export HOST=localhost</span><br></span></code></pre><div class="buttonGroup"><button>Copy code</button></div></div></div>
  </div></article><nav class="pagination-nav"><a href="/prev">Previous: Overview</a></nav></div>
  <div class="col col--3"><div class="theme-doc-toc-desktop">On this page Using the CLI</div></div></div></main></div>
  <footer class="footer">Copyright © 2025 Built with Docusaurus.</footer></body></html>`);
  assert.ok(fenced(text, 'bash', '# Defining the host is optional\nexport HOST=localhost'), text);
  assert.match(text, /^# Quickstart$/m);
  assert.match(text, /^## Using the CLI$/m);
  assert.doesNotMatch(text, /Breadcrumbs|Home ›|Previous: Overview|On this page|Built with Docusaurus|Copy code|Guide: installing/);
});

test('Asciidoctor manual page (git-like): NAME, SYNOPSIS, DESCRIPTION, OPTIONS, EXAMPLES all survive; the header h1 is kept', async () => {
  const sect = (id: string, title: string, body: string): string => `<div class="sect1"><h2 id="_${id}">${title}</h2><div class="sectionbody">${body}</div></div>`;
  const { text, metadata } = await load(`<html><body class="manpage"><div id="header"><h1>git-log(1) Manual Page</h1></div>
  <div id="content">${sect('name', 'NAME', '<div class="paragraph"><p>git-log - Show commit logs</p></div>')}
  ${sect('synopsis', 'SYNOPSIS', '<div class="verseblock"><pre class="content"><em>git log</em> [&lt;options&gt;] [&lt;revision-range&gt;]</pre></div>')}
  ${sect('description', 'DESCRIPTION', para('Shows the commit logs.') + para('The command takes options applicable to the rev-list command.'))}
  ${sect('options', 'OPTIONS', '<div class="dlist"><dl><dt class="hdlist1">--follow</dt><dd><p>Continue listing the history of a file beyond renames.</p></dd><dt class="hdlist1">--no-decorate</dt><dd><p>Print out the ref names of any commits that are shown.</p></dd></dl></div>')}
  ${sect('examples', 'EXAMPLES', '<div class="listingblock"><div class="content"><pre class="highlight"><code class="language-shell" data-lang="shell"># show the last three commits\ngit log -3</code></pre></div></div><div class="admonitionblock note"><table><tr><td class="icon"><div class="title">Note</div></td><td class="content">Logs are paged.</td></tr></table></div>')}
  </div><div id="footer"><div id="footer-text">Last updated 2024-01-01</div></div></body></html>`);
  for (const h of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'EXAMPLES']) assert.match(text, new RegExp(`^## ${h}$`, 'm'), h);
  assert.match(text, /^# git-log\(1\) Manual Page$/m);
  assert.match(text, /git-log - Show commit logs/);
  assert.match(text, /Shows the commit logs/);
  assert.match(text, /\*\*\\?--follow\*\*\n\nContinue listing the history/);
  assert.ok(fenced(text, 'shell', '# show the last three commits\ngit log -3'), text);
  assert.match(text, /\*\*Note:\*\*/);
  assert.doesNotMatch(text, /Last updated/);
  const extraction = metadata.extraction as { generator: string; keptShare: number };
  assert.equal(extraction.generator, 'asciidoctor');
  assert.ok(extraction.keptShare >= 0.9, JSON.stringify(extraction));
});

test('rustdoc-like page: #main-content; sidebar and search gone; code fenced as rust; `#[derive]` stays code', async () => {
  const { text } = await load(`<html><body><nav class="sidebar">${nav}</nav><main><div class="width-limiter"><rustdoc-search><form class="search-form"><input placeholder="Search"></form></rustdoc-search>
  <section id="main-content" class="content"><div class="main-heading"><h1>Struct <span class="struct">Vec</span><a class="anchor" href="#">§</a></h1></div>
  <details class="toggle top-doc" open><summary class="hideme"><span>Expand description</span></summary><div class="docblock">${para('A contiguous growable array type.')}
  <div class="example-wrap"><pre class="rust rust-example-rendered"><code><span class="attr">#[derive(Debug)]</span>
<span class="kw">let</span> v = Vec::new();</code></pre></div></div></details></section></div></main></body></html>`);
  assert.ok(fenced(text, 'rust', '#[derive(Debug)]\nlet v = Vec::new();'), text);
  assert.match(text, /^# Struct Vec$/m);
  assert.doesNotMatch(text, /Guide: installing|§/);
});

test('a page without any content region still falls back to the article extractor', async () => {
  const { text, metadata } = await load(`<html><body><div class="wrap"><h1>Plain page</h1>${para('Only divs here.').repeat(4)}</div></body></html>`);
  assert.match(text, /Only divs here/);
  assert.equal(metadata.extraction, undefined);
});
