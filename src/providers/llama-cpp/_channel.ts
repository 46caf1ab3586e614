/** A push-to-pull queue: a producer pushes values and finally ends (or fails); a consumer iterates. */
export interface Channel<T> extends AsyncIterable<T> {
  push(value: T): void;
  end(): void;
}

export function _channel<T>(): Channel<T> {
  const values: T[] = [];
  let done = false;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  return {
    push(value) {
      values.push(value);
      notify();
    },
    end() {
      done = true;
      notify();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (values.length > 0) yield values.shift()!;
        else if (done) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
