/**
 * The sender's database work, batched across the sends of this process (store/group-commit.ts): the read at the start of
 * a step and its two durable writes. Round trips, not rows, are what a send costs here.
 */
import type { Kysely } from "kysely";
import type { Database } from "../store/database.js";
import { createBatcher } from "../store/group-commit.js";
import { claimDeliveries, claimDelivery, recordSent, type DeliveryClaim, type SentRecord } from "../store/outbox.js";
import { loadSendContexts, type SendContext, type TargetOptions } from "./notify-target.js";

export interface SendStore {
  /** The outbox row with its dossier, applicant and earlier attempts; undefined when the row is gone. */
  load(outboxId: string): Promise<SendContext | undefined>;
  /** The "sending" record under the idempotency key, committed before Zalo is called; false when the key is held. */
  claim(claim: DeliveryClaim): Promise<boolean>;
  /** The attempt sent, the outbox row sent, the dossier notified: committed before the job is acknowledged. */
  recordSent(record: SentRecord): Promise<void>;
}

export function createSendStore(db: Kysely<Database>, target: TargetOptions): SendStore {
  const loadMany = async (ids: string[]) => {
    const found = await loadSendContexts(db, ids, target);
    return ids.map((id) => found.get(id));
  };
  const loads = createBatcher(loadMany, async (id: string) => (await loadMany([id]))[0]);
  const claims = createBatcher(
    (items: DeliveryClaim[]) => claimDeliveries(db, items),
    (item: DeliveryClaim) => claimDelivery(db, item),
  );
  const sent = createBatcher(
    async (items: SentRecord[]) => {
      await recordSent(db, items);
      return items.map(() => undefined);
    },
    (item: SentRecord) => recordSent(db, [item]),
  );
  return { load: (id) => loads.submit(id), claim: (c) => claims.submit(c), recordSent: (r) => sent.submit(r) };
}
