/**
 * Group commit for the send path: the writes of concurrent sends (claims before the Zalo call, records after it)
 * are gathered while the previous batch commits and then written in one transaction. Each caller still waits for the
 * commit that holds its row, so nothing is acknowledged before it is durable; only the number of commits (fsyncs on
 * PostgreSQL) drops. A failed batch is retried item by item, so one bad row cannot fail its neighbours.
 */
export interface Batcher<T, R> {
  submit(item: T): Promise<R>;
}

export function createBatcher<T, R>(runMany: (items: T[]) => Promise<R[]>, runOne: (item: T) => Promise<R>, maxItems = 200): Batcher<T, R> {
  let waiting: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxItems);
      waiting = waiting.slice(batch.length);
      try {
        const results = batch.length === 1 ? [await runOne(batch[0]!.item)] : await runMany(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(results[i]!));
      } catch {
        await Promise.all(batch.map((b) => runOne(b.item).then(b.resolve, b.reject)));
      }
    }
    running = false;
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        // Started on the next turn so that sends finishing together share the first batch too.
        if (!running) {
          running = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
