/**
 * Group commit: writes that arrive while a transaction is being committed are queued and committed together
 * in the next one, so a burst of N requests costs a few transactions instead of N (one fsync on SQLite, one
 * round trip per statement on PostgreSQL). Alone, a write waits one event-loop turn. If a batch fails, each
 * write is retried on its own, so one bad row (a rare code collision) fails only its own request.
 */
export interface GroupCommit<T> {
  write(item: T): Promise<void>;
  /** Resolves once everything queued so far is committed (shutdown, tests). */
  drain(): Promise<void>;
}

export function createGroupCommit<T>(commit: (items: T[]) => Promise<void>, maxBatch = 256): GroupCommit<T> {
  let queue: { item: T; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let running: Promise<void> | undefined;
  let scheduled = false;

  async function run(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await commit(batch.map((b) => b.item));
        for (const b of batch) b.resolve();
      } catch (batchError) {
        if (batch.length === 1) {
          batch[0]!.reject(batchError);
          continue;
        }
        for (const b of batch) {
          try {
            await commit([b.item]);
            b.resolve();
          } catch (e) {
            b.reject(e);
          }
        }
      }
    }
  }

  function schedule(): void {
    if (scheduled || running) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      running = run().finally(() => {
        running = undefined;
        if (queue.length > 0) schedule();
      });
    });
  }

  return {
    write(item) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    async drain() {
      while (running || scheduled || queue.length > 0) await (running ?? new Promise((r) => setImmediate(r)));
    },
  };
}
