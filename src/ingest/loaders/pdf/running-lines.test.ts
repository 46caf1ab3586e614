import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropRunningLines } from './running-lines.js';

test('dropRunningLines removes from OCR text the running headers/footers removed from the other pages (numbers and spacing may differ)', () => {
  const removed = ['47704 Federal Register / Vol. 85, No. 152 / Thursday, August 6, 2020 / Proposed Rules', '47706'];
  const ocr = 'Federal Register/Vol. 85, No. 152/Thursday, August 6, 2020/Proposed Rules\n\n47705\n\nFigure 2 to paragraph (h)(3)\nFlaps up: 4° and 75% N1';
  assert.equal(dropRunningLines(ocr, removed), '\n\nFigure 2 to paragraph (h)(3)\nFlaps up: 4° and 75% N1');
  assert.equal(dropRunningLines(ocr, []), ocr);
});
