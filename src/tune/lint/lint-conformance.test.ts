import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Tokenizer } from '../../spec/tokenizer.js';
import { conformanceCorpus } from './__fixtures__/conformance-corpus.js';
import { lintDataset } from './lint-dataset.js';

/** One token per whitespace-separated word: fast and predictable. */
const wordTokenizer: Tokenizer = { id: 'test:words', count: (text) => text.split(/\s+/).filter(Boolean).length, encode: () => ({ ids: [], offsets: [] }) };
const lint = (lines: string[]) => lintDataset({ examples: lines.map((l) => JSON.parse(l)), tokenizer: wordTokenizer });
const show = (findings: Array<{ check: string; message: string; lines: number[] }>): string => JSON.stringify(findings.map((f) => [f.check, f.message, f.lines]), null, 1);

describe('lint conformance corpus', () => {
  for (const file of conformanceCorpus()) {
    it(`${file.name}: the clean base has no findings`, async () => {
      const report = await lint(file.clean);
      assert.deepEqual(report.findings, [], show(report.findings));
    });
    it(`${file.name}: every planted defect is found at its lines, and nothing else`, async () => {
      const report = await lint(file.lines);
      for (const want of file.expected) {
        const found = report.findings.find((f) => f.check === want.check && want.message.test(f.message));
        assert.ok(found, `missing ${want.check} ${want.message}; got ${show(report.findings)}`);
        assert.deepEqual(found.lines, want.lines, `${want.check}: ${found.message}`);
        assert.equal(found.severity, want.severity, `${want.check}: ${found.message}`);
      }
      assert.equal(report.findings.length, file.expected.length, show(report.findings));
    });
  }
});
