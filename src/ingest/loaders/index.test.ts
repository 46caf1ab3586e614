import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Loader } from '../../spec/loader.js';
import { csvLoader, defaultLoaders, docxLoader, htmlLoader, jsonlLoader, loaderForPath, markdownLoader, pdfLoader, textLoader } from './index.js';

test('loaderForPath picks by extension, case-insensitively', () => {
  const cases: Array<[string, Loader | undefined]> = [
    ['a/b/readme.MD', markdownLoader],
    ['notes.markdown', markdownLoader],
    ['page.htm', htmlLoader],
    ['paper.PDF', pdfLoader],
    ['policy.docx', docxLoader],
    ['corpus.jsonl', jsonlLoader],
    ['rows.tsv', csvLoader],
    ['plain.txt', textLoader],
    ['image.png', undefined],
    ['Makefile', undefined],
  ];
  for (const [path, loader] of cases) assert.equal(loaderForPath(path), loader, path);
});

test('a custom loader list overrides the defaults, first match wins', () => {
  const custom: Loader = { ...textLoader, name: 'custom-md', extensions: ['.md'] };
  assert.equal(loaderForPath('x.md', [custom, ...defaultLoaders]), custom);
  assert.equal(loaderForPath('x.pdf', [custom]), undefined);
});

test('only record loaders stream', () => {
  assert.deepEqual(defaultLoaders.filter((l) => l.streaming).map((l) => l.name), ['jsonl', 'csv']);
});
