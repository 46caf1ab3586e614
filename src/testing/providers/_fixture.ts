/** Runs `body` with a fixture from `create` and always closes it. */
export async function _withFixture<F extends { close?: () => Promise<void> }>(create: () => Promise<F>, body: (fixture: F) => Promise<void>): Promise<void> {
  const fixture = await create();
  try {
    await body(fixture);
  } finally {
    await fixture.close?.();
  }
}

/** The error code of a rejection, or `'resolved'`. */
export async function _codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'resolved';
  } catch (e) {
    return String((e as { code?: unknown }).code ?? (e as Error).name);
  }
}
