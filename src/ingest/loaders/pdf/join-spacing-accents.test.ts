import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinSpacingAccents } from './join-spacing-accents.js';

test('joinSpacingAccents puts a spacing accent glyph on its letter (TeX: before it; otherwise after), leaves apostrophes and maths alone', () => {
  assert.equal(joinSpacingAccents('Saier and F¨arber (2020) and M¨uller'), 'Saier and Färber (2020) and Müller');
  assert.equal(joinSpacingAccents('Boji´c, Kry´sci´nski, Ondˇrej, Do˘gan'), 'Bojić, Kryściński, Ondřej, Doğan');
  assert.equal(joinSpacingAccents('Ageˆncia Nacional de Aviac¸a'), 'Agência Nacional de Aviaça');
  assert.equal(joinSpacingAccents('we don´t know John´s results'), 'we don´t know John´s results');
  assert.equal(joinSpacingAccents('A = U1 ˙∪ U2 and MSˆ2'), 'A = U1 ˙∪ U2 and MSˆ2');
});
