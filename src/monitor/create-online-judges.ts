import { createJudge } from '../evaluate/index.js';
import type { ChatModel } from '../spec/chat-model.js';
import type { Judge } from '../spec/judge.js';

/** Options of {@link createOnlineJudges}. */
export interface CreateOnlineJudgesOptions {
  model: ChatModel;
  /** Calls per verdict; > 1 stores their agreement. @default 1 */
  runs?: number;
}

/**
 * The judges of online scoring: the reference-free rubrics (`faithfulness` against the passages the answer was
 * given, `relevance` against the question), each run `runs` times. `fathom monitor score --judge` and the
 * server's background scoring (`monitor.judge`) both use these, through `scoreOnline({ judges })`.
 */
export function createOnlineJudges({ model, runs = 1 }: CreateOnlineJudgesOptions): Judge[] {
  return (['faithfulness', 'relevance'] as const).map((rubric) => createJudge({ model, rubric, runs }));
}
