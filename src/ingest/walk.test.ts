import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FathomError } from '../util/errors.js';
import { walkFiles, type WalkEntry, type WalkFilesOptions } from './walk.js';

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'fathom-walk-'));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(join(root, rel, '..'), { recursive: true });
    await writeFile(join(root, rel), content);
  }
  return root;
}

async function walk(options: WalkFilesOptions): Promise<WalkEntry[]> {
  const out: WalkEntry[] = [];
  for await (const e of walkFiles(options)) out.push(e);
  return out;
}

const rels = (entries: WalkEntry[]) => entries.map((e) => (e.type === 'file' ? e.relativePath : `skip:${e.skip.path}`));

test('walks depth-first in sorted order with sizes, skipping node_modules, .git and .fathom by default', async (t) => {
  const root = await tree({ 'b.md': 'bb', 'a/z.md': 'z', 'a/b/c.txt': 'c', 'node_modules/x/y.md': '', '.git/HEAD': '', 'a/.fathom/db': '', '.hidden.md': 'h' });
  t.after(() => rm(root, { recursive: true, force: true }));
  const entries = await walk({ paths: ['.'], cwd: root });
  assert.deepEqual(rels(entries), ['.hidden.md', 'a/b/c.txt', 'a/z.md', 'b.md']);
  const b = entries.find((e) => e.type === 'file' && e.relativePath === 'b.md');
  assert.equal(b?.type === 'file' && b.size, 2);
  assert.equal(b?.type === 'file' && b.explicit, false);
  assert.ok(b?.type === 'file' && b.modifiedAt > 0);
});

test('include and exclude globs match relative paths; exclude wins; base-name patterns match at any depth', async (t) => {
  const root = await tree({ 'docs/a.md': '', 'docs/draft/b.md': '', 'docs/c.html': '', 'src/d.md': '', 'e.txt': '' });
  t.after(() => rm(root, { recursive: true, force: true }));
  assert.deepEqual(rels(await walk({ paths: ['.'], cwd: root, include: ['*.md'], exclude: ['docs/draft/**'] })), ['docs/a.md', 'src/d.md']);
  assert.deepEqual(rels(await walk({ paths: ['docs'], cwd: root, include: ['docs/**/*.{md,html}'] })), ['docs/a.md', 'docs/c.html', 'docs/draft/b.md']);
});

test('explicit paths: a file is yielded even if globs would drop it; a missing path throws PATH_NOT_FOUND', async (t) => {
  const root = await tree({ 'notes/x.md': '', 'y.md': '' });
  t.after(() => rm(root, { recursive: true, force: true }));
  const entries = await walk({ paths: ['notes/x.md', 'y.md', 'notes'], cwd: root, include: ['*.html'] });
  assert.deepEqual(rels(entries), ['notes/x.md', 'y.md'], 'x.md is not repeated when its folder is walked');
  assert.equal(entries[0]?.type === 'file' && entries[0].explicit, true);
  await assert.rejects(walk({ paths: ['y.md', 'nope', 'also/nope.md'], cwd: root }), (error: unknown) => {
    assert.ok(FathomError.isInstance(error));
    assert.equal(error.code, 'PATH_NOT_FOUND');
    assert.match(error.message, /'nope', 'also\/nope\.md'/);
    return true;
  });
});

test('dangling symlinks are skips with a reason; loops and links out of the walked folder are SYMLINK_SKIPPED unless followSymlinks', async (t) => {
  const root = await tree({ 'docs/a.md': 'a', 'docs/sub/c.md': 'c', 'other/b.md': 'b', 'secret.md': 's' });
  t.after(() => rm(root, { recursive: true, force: true }));
  await symlink(join(root, 'missing.md'), join(root, 'docs/dangling.md'));
  await symlink(join(root, 'docs'), join(root, 'docs/loop'));
  await symlink('..', join(root, 'docs/up'));
  await symlink(join(root, 'other'), join(root, 'docs/linked'));
  await symlink('sub', join(root, 'docs/inside'));
  const entries = await walk({ paths: ['docs'], cwd: root });
  assert.deepEqual(rels(entries), ['docs/a.md', 'skip:docs/dangling.md', 'docs/inside/c.md', 'skip:docs/linked', 'skip:docs/loop', 'skip:docs/up'], 'a link inside is followed (and sub/ not walked twice); the parent (secret.md) is never reached');
  const skip = (path: string) => entries.find((e) => e.type === 'skip' && e.skip.path === path) as Extract<WalkEntry, { type: 'skip' }>;
  assert.equal(skip('docs/dangling.md').skip.code, 'FILE_UNREADABLE');
  assert.match(skip('docs/dangling.md').skip.reason, /points to .*missing\.md.*does not exist/);
  assert.equal(skip('docs/linked').skip.code, 'SYMLINK_SKIPPED');
  assert.match(skip('docs/linked').skip.reason, /leads out of the folder .*ingest\.followSymlinks/);
  assert.match(skip('docs/loop').skip.reason, /loops back/);
  assert.match(skip('docs/up').skip.reason, /loops back/);
  const followed = await walk({ paths: ['docs'], cwd: root, followSymlinks: true });
  assert.deepEqual(rels(followed), ['docs/a.md', 'skip:docs/dangling.md', 'docs/inside/c.md', 'docs/linked/b.md', 'skip:docs/loop', 'skip:docs/up'], 'loops stay refused');
});

test('is lazy: the first file arrives before the rest of the tree is read', async (t) => {
  const root = await tree({ 'a/1.md': '', 'b/2.md': '' });
  t.after(() => rm(root, { recursive: true, force: true }));
  const it = walkFiles({ paths: ['.'], cwd: root })[Symbol.asyncIterator]();
  const first = await it.next();
  assert.equal(first.value?.type === 'file' && first.value.relativePath, 'a/1.md');
  await rm(join(root, 'b'), { recursive: true });
  const rest: WalkEntry[] = [];
  for (let r = await it.next(); !r.done; r = await it.next()) rest.push(r.value);
  assert.deepEqual(rest, [], 'b/ was removed after the first yield and so was never listed');
});
