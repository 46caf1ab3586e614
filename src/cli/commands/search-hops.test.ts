/** `search --hops 2` / `ask --hops 2` on an ingested two-document bridge question (plus distractors). */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCliCaptured } from '../__fixtures__/run-cli.js';

let dir: string;
const cli = (...args: string[]) => runCliCaptured({ cwd: dir, args: [...args, '--store', 'f.db'] });
const question = 'Which river runs through the hometown of the architect who designed the Lumen Library?';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fathom-hops-'));
  mkdirSync(join(dir, 'kb'));
  writeFileSync(join(dir, 'kb', 'lumen.md'), '# Lumen Library\n\nThe Lumen Library was designed by the architect Mara Velik and opened in 1931.\n');
  writeFileSync(join(dir, 'kb', 'velik.md'), '# Mara Velik\n\nMara Velik spent her childhood in Dornfeld, a small town on the river Isel.\n');
  writeFileSync(join(dir, 'kb', 'library.md'), '# City library\n\nThe new city library was designed by a young architect in 1950.\n');
  writeFileSync(join(dir, 'kb', 'museum.md'), '# Museum\n\nThe museum architect designed a hall along the harbour.\n');
  for (const w of ['bakery', 'tram', 'glacier', 'orchard', 'violin']) writeFileSync(join(dir, 'kb', `${w}.md`), `# ${w}\n\nNotes on the ${w}: its history, its upkeep and its place in daily life.\n`);
  assert.equal((await cli('ingest', 'kb', '--progress', 'none')).code, 0);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('--hops', () => {
  it('search --hops 2 finds the answer document through the bridge entity; single-hop does not', async () => {
    const docs = async (...extra: string[]) => {
      const r = await cli('search', question, '-k', '2', '--json', ...extra);
      assert.equal(r.code, 0, r.err);
      return JSON.parse(r.out) as { hits: { document: { id: string } }[]; trace: { hops?: { hop: number; entities?: string[] }[] } };
    };
    const single = await docs();
    assert.ok(!single.hits.some((h) => h.document.id.endsWith('velik.md')));
    const two = await docs('--hops', '2');
    assert.deepEqual(two.hits.map((h) => h.document.id), ['kb/lumen.md', 'kb/velik.md']);
    assert.equal(two.trace.hops?.[1]?.entities?.[0], 'Mara Velik');
    const explained = await cli('search', question, '-k', '2', '--hops', '2', '--explain');
    assert.match(explained.out, /hop 1 bm25 .*hop 2 bridge .*hop 2 bm25/);
    assert.match(explained.out, /hop 2: "Mara Velik .*bridge entities: Mara Velik/);
  });

  it('ask --hops 2 cites the answer passage', async () => {
    const r = await cli('ask', question, '-k', '2', '--hops', '2', '--json');
    assert.equal(r.code, 0, r.err);
    const sources = (JSON.parse(r.out) as { sources: { documentId: string }[] }).sources.map((s) => s.documentId);
    assert.ok(sources.includes('kb/velik.md'), sources.join(', '));
  });

  it('rejects --hops 3 with a user error', async () => {
    const r = await cli('search', question, '--hops', '3');
    assert.notEqual(r.code, 0);
    assert.match(r.err, /hops/);
    assert.doesNotMatch(r.err, /at .*\.ts:\d+/);
  });
});
