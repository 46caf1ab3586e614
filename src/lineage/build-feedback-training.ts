import type { TrainingMessage } from '../spec/tune-data.js';
import type { ChatExample, PreferenceExample } from '../spec/tune-data.js';
import type { FeedbackProposal } from '../spec/monitor.js';
import type { Store } from '../spec/store.js';
import { DEFAULT_ABSTENTION_TEXT } from '../generate/index.js';

/** Options of {@link buildFeedbackTraining}. */
export interface BuildFeedbackTrainingOptions {
  store: Store;
  tenant: string;
  /** Accepted proposals (`readReviewFile(...).accepted`). */
  proposals: readonly FeedbackProposal[];
  /** The abstention text the answering pipeline uses (target of proposals whose answer is empty). @default DEFAULT_ABSTENTION_TEXT */
  abstentionText?: string;
}

export interface FeedbackTraining {
  /** SFT chat examples: the prompt the answer saw, the corrected answer as the assistant turn. */
  sft: ChatExample[];
  /** DPO pairs: the same prompt, the corrected answer chosen over the original. */
  dpo: PreferenceExample[];
  /** The proposal each example came from (same order as `sft` / `dpo`). */
  sftFrom: FeedbackProposal[];
  dpoFrom: FeedbackProposal[];
  skipped: Array<{ itemId: string; reason: string }>;
}

const _system = 'Answer the question using only the numbered sources. Cite the sources you use as [n]. If the sources do not contain the answer, say you don\'t know.';
const _norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Training data from accepted feedback: the prompt is the one the logged answer saw (`metadata.prompt`), else it is
 * rebuilt from the chunks it was given; corrections become SFT targets and DPO `chosen`, the original answer `rejected`.
 */
export async function buildFeedbackTraining({ store, tenant, proposals, abstentionText = DEFAULT_ABSTENTION_TEXT }: BuildFeedbackTrainingOptions): Promise<FeedbackTraining> {
  const out: FeedbackTraining = { sft: [], dpo: [], sftFrom: [], dpoFrom: [], skipped: [] };
  const byId = new Map((await store.listQueryLog({ tenant })).map((e) => [e.id, e]));
  for (const p of proposals) {
    const entry = byId.get(p.auditEntry);
    if (!entry || entry.redacted) {
      out.skipped.push({ itemId: p.itemId, reason: entry ? 'the audit entry was redacted (a source was deleted)' : 'the audit entry no longer exists' });
      continue;
    }
    const meta = (entry.metadata ?? {}) as { prompt?: TrainingMessage[]; sources?: Array<{ n: number; chunkId?: string }> };
    let prompt = Array.isArray(meta.prompt) && meta.prompt.length ? meta.prompt.filter((m) => m.role !== 'assistant') : undefined;
    if (!prompt) {
      const refs = (meta.sources ?? []).filter((s) => s.chunkId);
      const chunks = await store.getChunks({ tenant, ids: refs.map((s) => s.chunkId!) });
      const text = chunks.map((c, i) => `[${refs[i]?.n ?? i + 1}] ${c.text}`).join('\n\n');
      prompt = [{ role: 'system', content: _system }, { role: 'user', content: `Sources:\n${text || '(none)'}\n\nQuestion: ${entry.query}` }];
    }
    const target = p.answer || abstentionText;
    out.sft.push({ messages: [...prompt, { role: 'assistant', content: target }] });
    out.sftFrom.push(p);
    if (p.original.trim() && _norm(p.original) !== _norm(target)) {
      out.dpo.push({ prompt, chosen: target, rejected: p.original });
      out.dpoFrom.push(p);
    } else out.skipped.push({ itemId: p.itemId, reason: 'no DPO pair: the original answer is empty or equals the correction' });
  }
  return out;
}
