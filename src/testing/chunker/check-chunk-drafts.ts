import assert from 'node:assert/strict';
import type { ChunkDraft } from '../../spec/chunk.js';
import type { Tokenizer } from '../../spec/tokenizer.js';
import { splitSentences } from '../../util/text/sentences.js';

/** Options of {@link checkChunkDrafts}. */
export interface CheckChunkDraftsOptions {
  tokenizer: Tokenizer;
  /** The budget every draft must fit, in tokens. */
  maxTokens: number;
  /** Drafts start in source order. @default true */
  ordered?: boolean;
  /** No draft starts or ends inside a sentence that fits the budget. @default false */
  keepsSentences?: boolean;
}

/**
 * The chunker contract on one text's drafts (assertions; throws on the first violation): each draft is the
 * exact source slice at its offsets, its `tokenCount` is the real count and within the budget, drafts are in
 * order, every non-space character is in some draft, and (when promised) no sentence that fits is cut.
 */
export function checkChunkDrafts(text: string, drafts: readonly ChunkDraft[], { tokenizer, maxTokens, ordered = true, keepsSentences = false }: CheckChunkDraftsOptions): void {
  let prevStart = -1;
  for (const d of drafts) {
    assert.equal(d.text, text.slice(d.start, d.end), 'text is exactly the source slice');
    assert.ok(d.start >= 0 && d.end <= text.length && d.end > d.start, 'range within the source');
    assert.equal(d.tokenCount, tokenizer.count(d.text), 'tokenCount is the real count');
    assert.ok(d.tokenCount <= maxTokens, `chunk of ${d.tokenCount} tokens over ${maxTokens}`);
    if (ordered) assert.ok(d.start >= prevStart, 'in order');
    prevStart = d.start;
  }
  const covered = new Uint8Array(text.length);
  for (const d of drafts) covered.fill(1, d.start, d.end);
  for (let i = 0; i < text.length; i++) if (!covered[i]) assert.match(text[i] as string, /\s/, `character ${i} (${JSON.stringify(text[i])}) not in any chunk`);
  if (!keepsSentences) return;
  for (const [s, e] of splitSentences(text)) {
    if (tokenizer.count(text.slice(s, e)) > maxTokens) continue;
    for (const d of drafts) {
      assert.ok(d.start <= s || d.start >= e, `chunk starts inside sentence ${JSON.stringify(text.slice(s, e))}`);
      assert.ok(d.end <= s || d.end >= e, `chunk ends inside sentence ${JSON.stringify(text.slice(s, e))}`);
    }
  }
}
