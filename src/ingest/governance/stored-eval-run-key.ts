/** Meta key of an evaluation run the server keeps in the store (`server/evals/eval-run-store.ts`); deletion redacts these rows. */
export const storedEvalRunKey = (runId: string): string => `server:eval:${runId}`;
