import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Tokenizer as HfTokenizer } from '@huggingface/tokenizers';
import fc from 'fast-check';
import type { Tokenizer } from '../../spec/tokenizer.js';
import { FathomError } from '../errors.js';
import { loadHfTokenizer } from './hf-tokenizer.js';

/** A tiny but real WordPiece tokenizer.json (BERT normaliser and pre-tokenizer). */
function tinyWordPiece(): { json: object; config: object } {
  const words = ['the', 'quick', 'brown', 'fox', 'price', 'plan', 'enter', 'prise', 'un', 'able', 'naive', 'cafe', '中', '文'];
  const vocab: Record<string, number> = {};
  for (const t of ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', '.', ',', '!', '?', '#', '-', "'", '|', ...words, ...'abcdefghijklmnopqrstuvwxyz0123456789']) vocab[t] ??= Object.keys(vocab).length;
  for (const t of [...'abcdefghijklmnopqrstuvwxyz0123456789', 'ing', 's', 'ed', 'able', 'prise']) vocab[`##${t}`] ??= Object.keys(vocab).length;
  const added = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].map((content) => ({ id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }));
  return {
    json: {
      version: '1.0',
      added_tokens: added,
      normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
      pre_tokenizer: { type: 'BertPreTokenizer' },
      post_processor: { type: 'TemplateProcessing', single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }], pair: [], special_tokens: { '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] } } },
      decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
      model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
    },
    config: { tokenizer_class: 'BertTokenizer', do_lower_case: true, unk_token: '[UNK]' },
  };
}

const pieces = ['The', ' quick', ' brown', ' fox', '.', ' ', '  ', '\n', '\n\n', '\t', 'pricing', ' Enterprise', 'unable', 'naïve', 'Café', '中文', '😀', ',', '!', '42', 'x-ray', "don't", 'İstanbul', 'ÅÉ', '[CLS]', '||'];
const textArb = fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join('')), fc.string({ unit: 'grapheme', maxLength: 40 }));

function checkAgainst(name: string, getTok: () => Tokenizer, getRef: () => HfTokenizer) {
  it(`${name}: count and ids equal the library's own encoding`, () => {
    const tok = getTok();
    const ref = getRef();
    fc.assert(
      fc.property(textArb, (text) => {
        const expected = ref.encode(text, { add_special_tokens: false }).ids;
        assert.equal(tok.count(text), expected.length);
        assert.deepEqual(tok.encode(text).ids, expected);
      }),
      { numRuns: 250 },
    );
  });

  it(`${name}: offsets are ordered, non-overlapping, within the text`, () => {
    const tok = getTok();
    fc.assert(
      fc.property(textArb, (text) => {
        const { ids, offsets } = tok.encode(text);
        assert.equal(offsets.length, ids.length);
        let prev = 0;
        for (const [s, e] of offsets) {
          assert.ok(s >= prev && e >= s && e <= text.length, `[${s}, ${e}) after ${prev} in ${JSON.stringify(text)}`);
          prev = e;
        }
      }),
      { numRuns: 250 },
    );
  });

  it(`${name}: prepare().count(a, b) equals count(slice(a, b))`, () => {
    const tok = getTok();
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, x, y) => {
        const a = x % (text.length + 1);
        const b = y % (text.length + 1);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        assert.equal(tok.prepare!(text).count(lo, hi), tok.count(text.slice(lo, hi)));
      }),
      { numRuns: 500 },
    );
  });
}

describe('loadHfTokenizer (tiny WordPiece written by the test)', () => {
  let dir = '';
  let tok: Tokenizer;
  let ref: HfTokenizer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-hf-'));
    const { json, config } = tinyWordPiece();
    writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(json));
    writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify(config));
    tok = await loadHfTokenizer({ path: dir });
    ref = new HfTokenizer(json, config);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  checkAgainst('tiny', () => tok, () => ref);

  it('maps word pieces back to the original (cased, accented) characters', () => {
    const text = 'The Enterprise  pricing!';
    const { offsets } = tok.encode(text);
    const slices = offsets.map(([s, e]) => text.slice(s, e));
    assert.deepEqual(slices.slice(0, 3), ['The', 'Enter', 'prise']);
    assert.equal(slices.at(-1), '!');
    assert.equal(tok.id, `hf:${dir.split('/').at(-1)}`);
  });

  it('gives an unknown word ([UNK]) the whole word', () => {
    const text = 'fox 😀 fox';
    const { ids, offsets } = tok.encode(text);
    assert.deepEqual(ids, ref.encode(text, { add_special_tokens: false }).ids);
    assert.deepEqual(offsets[1], [4, 6]);
  });

  it('fails with PATH_NOT_FOUND and an actionable message for a missing tokenizer', async () => {
    await assert.rejects(loadHfTokenizer({ path: join(dir, 'nope') }), (e: unknown) => FathomError.isInstance(e) && e.code === 'PATH_NOT_FOUND' && /tokenizer\.json/.test(e.message));
  });
});

const real = join(import.meta.dirname, '../../../../shared/data/tokenizers/all-MiniLM-L6-v2');
describe('loadHfTokenizer (all-MiniLM-L6-v2 from ../shared/data)', { skip: existsSync(join(real, 'tokenizer.json')) ? false : `skipped: ${real} is absent` }, () => {
  let tok: Tokenizer;
  let ref: HfTokenizer;
  before(async () => {
    tok = await loadHfTokenizer({ path: real });
    const { readFileSync } = await import('node:fs');
    ref = new HfTokenizer(JSON.parse(readFileSync(join(real, 'tokenizer.json'), 'utf8')), JSON.parse(readFileSync(join(real, 'tokenizer_config.json'), 'utf8')));
  });
  checkAgainst('MiniLM', () => tok, () => ref);

  it('offsets of a plain sentence slice to the tokens', () => {
    const text = 'Refunds for Enterprise plans take 30 days.';
    const { ids, offsets } = tok.encode(text);
    const tokens = ids.map((id) => ref.id_to_token(id)?.replace(/^##/, ''));
    assert.deepEqual(offsets.map(([s, e]) => text.slice(s, e).toLowerCase()), tokens);
  });
});
