/**
 * Group commit: work that arrives while a batch is being written is queued and done together in the next one, so
 * a burst of N requests costs a few transactions (or round trips) instead of N: one fsync on SQLite, one round trip
 * per statement on PostgreSQL. Alone, an item waits one event-loop turn. Each caller still waits for the batch that
 * holds its item, so nothing is acknowledged before it is durable. If a batch fails, each item is retried on its
 * own, so one bad row (a rare code collision) fails only its own caller. Used by the pre-registration writer, the
 * writer of dossiers received at the counter (receipts.ts) and the notification sender (notify/send-store.ts).
 */
export interface Batcher<T, R> {
  submit(item: T): Promise<R>;
  /** Resolves once everything queued so far is done (shutdown, tests). */
  drain(): Promise<void>;
}

/** `runMany` does a batch, `runOne` an item alone (a batch of one, and the retries after a failed batch). */
export function createBatcher<T, R>(
  runMany: (items: T[]) => Promise<R[]>,
  runOne: (item: T) => Promise<R> = async (item) => (await runMany([item]))[0]!,
  maxItems = 256,
): Batcher<T, R> {
  let queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let running: Promise<void> | undefined;
  let scheduled = false;

  async function run(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxItems);
      queue = queue.slice(batch.length);
      if (batch.length === 1) {
        await runOne(batch[0]!.item).then(batch[0]!.resolve, batch[0]!.reject);
        continue;
      }
      let results: R[];
      try {
        results = await runMany(batch.map((b) => b.item));
      } catch {
        for (const b of batch) await runOne(b.item).then(b.resolve, b.reject);
        continue;
      }
      batch.forEach((b, i) => b.resolve(results[i]!));
    }
  }

  function schedule(): void {
    if (scheduled || running) return;
    scheduled = true;
    // Started on the next turn, so that callers arriving together share the first batch too.
    setImmediate(() => {
      scheduled = false;
      running = run().finally(() => {
        running = undefined;
        if (queue.length > 0) schedule();
      });
    });
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    async drain() {
      while (running || scheduled || queue.length > 0) await (running ?? new Promise((r) => setImmediate(r)));
    },
  };
}

export interface GroupCommit<T> {
  write(item: T): Promise<void>;
  /** Resolves once everything queued so far is committed (shutdown, tests). */
  drain(): Promise<void>;
}

/** A batcher of writes without results: `commit` writes the items in one transaction. */
export function createGroupCommit<T>(commit: (items: T[]) => Promise<void>, maxBatch = 256): GroupCommit<T> {
  const batcher = createBatcher<T, void>(
    async (items) => {
      await commit(items);
      return items.map(() => undefined);
    },
    (item) => commit([item]),
    maxBatch,
  );
  return { write: (item) => batcher.submit(item), drain: () => batcher.drain() };
}
