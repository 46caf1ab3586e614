import type { ChatModel } from '../../spec/chat-model.js';
import { FathomError } from '../../util/errors.js';
import { answer } from '../../generate/index.js';
import type { GatePipeline } from './_gate-evaluation.js';

/**
 * The answering pipeline of one model for the gate: `answer()` with given passages or closed-book, no audit
 * log. A reply that is not JSON when JSON was requested is asked again without `responseFormat`, so a model
 * that breaks the format is scored (format consistency 0) instead of dropped as an errored item.
 */
export function _gatePipeline(model: ChatModel, { maxOutputTokens = 512 }: { maxOutputTokens?: number } = {}): GatePipeline {
  return {
    async answer({ question, context, responseFormat, signal }) {
      const call = { tenant: 'default', model, question, context, log: false, maxOutputTokens, signal };
      try {
        return await answer({ ...call, responseFormat });
      } catch (error) {
        if (!responseFormat || !FathomError.isInstance(error) || error.code !== 'PROVIDER_BAD_RESPONSE') throw error;
        return answer(call);
      }
    },
  };
}
