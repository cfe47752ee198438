/**
 * The chatbot's memory per OA follower (tables conversations, citizens, webhook_events): last interaction (the
 * 7-day customer-service window the notifications read from citizens.oa_last_interaction_at), follow state, the
 * unit last talked about, "needs an officer", and the event ids already handled (Zalo delivers at least once).
 */
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { linkOaAndAppIds } from "./citizen-links.js";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export interface Conversation {
  oaUserId: string;
  citizenId: string | null;
  followed: boolean;
  needsHuman: boolean;
  /** When the conversation started waiting for an officer; null when it is not waiting. */
  needsHumanSince: string | null;
  unitId: string | null;
  lastInteractionAt: string;
  /** When the conversation was told the plan is not an official decision; null until then. */
  demoNotedAt: string | null;
}

/** True the first time an event id is seen; false for a redelivery. */
export async function rememberEventOnce(db: Db, eventId: string, receivedAt: string): Promise<boolean> {
  const r = await db
    .insertInto("webhook_events")
    .values({ event_id: eventId, received_at: receivedAt })
    .onConflict((oc) => oc.column("event_id").doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** The event is forgotten (its handling failed): a retry of the job handles it from scratch. */
export async function forgetEvent(db: Db, eventId: string): Promise<void> {
  await db.deleteFrom("webhook_events").where("event_id", "=", eventId).execute();
}

/** Dedupe rows are only needed while Zalo may still redeliver. */
export async function forgetEventsBefore(db: Db, before: string): Promise<number> {
  const r = await db.deleteFrom("webhook_events").where("received_at", "<", before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** In an upsert: the later of the stored and the incoming instant (ISO text sorts as time). */
const later = (table: string, column: string) => {
  const stored = sql.ref(`${table}.${column}`);
  const incoming = sql`excluded.${sql.ref(column)}`;
  return sql<string>`case when ${stored} is null or ${stored} < ${incoming} then ${incoming} else ${stored} end`;
};

export interface InteractionInput {
  oaUserId: string;
  /** ISO instant of the event (never moves the stored time backwards). */
  at: string;
  /** follow → true, unfollow → false, other events leave it as it was. */
  followed?: boolean;
  /** Unfollow is no interaction: it does not open the CS window. */
  interacted: boolean;
  now: string;
  /** The event's `user_id_by_app`: the same user's Zalo-App-scoped id, which links the follower to the Mini App citizen. */
  appUserId?: string;
}

/**
 * The 7-day window needs no second-by-second precision: an interaction within this long of the stored one (same
 * follow state) writes nothing, so a chatty citizen costs one read per message, not three writes.
 */
export const INTERACTION_RESOLUTION_MS = 10 * 60_000;

/** Records the event on the citizen (created on first sight) and the conversation; returns the conversation. */
export async function recordInteraction(db: Db, input: InteractionInput): Promise<Conversation> {
  const known = await findConversation(db, input.oaUserId);
  if (
    known?.citizenId &&
    input.interacted &&
    (input.followed === undefined || input.followed === known.followed) &&
    Date.parse(input.at) - Date.parse(known.lastInteractionAt) < INTERACTION_RESOLUTION_MS
  ) {
    return known;
  }
  const conversation = await upsertInteraction(db, input);
  if (!input.appUserId) return conversation;
  const linked = await linkOaAndAppIds(db, { oaUserId: input.oaUserId, appUserId: input.appUserId, now: input.now });
  return linked === "merged" ? ((await findConversation(db, input.oaUserId)) ?? conversation) : conversation;
}

async function upsertInteraction(db: Db, input: InteractionInput): Promise<Conversation> {
  const followed = input.followed === undefined ? undefined : input.followed ? 1 : 0;
  const interactionAt = input.interacted ? input.at : null;
  const citizen = await db
    .insertInto("citizens")
    .values({
      id: randomUUID(),
      zalo_user_id: null,
      zalo_oa_user_id: input.oaUserId,
      device_token_hash: null,
      display_name: null,
      phone: null,
      phone_consent_at: null,
      notify_opt_in_at: null,
      oa_followed: followed ?? 0,
      oa_last_interaction_at: interactionAt,
      created_at: input.now,
      updated_at: input.now,
    })
    .onConflict((oc) =>
      oc.column("zalo_oa_user_id").doUpdateSet({
        ...(followed === undefined ? {} : { oa_followed: followed }),
        ...(interactionAt ? { oa_last_interaction_at: later("citizens", "oa_last_interaction_at") } : {}),
        updated_at: input.now,
      }),
    )
    .returning("id")
    .executeTakeFirstOrThrow();

  const row = await db
    .insertInto("conversations")
    .values({
      oa_user_id: input.oaUserId,
      citizen_id: citizen.id,
      followed: followed ?? 0,
      needs_human: 0,
      needs_human_since: null,
      unit_id: null,
      last_interaction_at: interactionAt ?? input.at,
      demo_noted_at: null,
    })
    .onConflict((oc) =>
      oc.column("oa_user_id").doUpdateSet({
        citizen_id: citizen.id,
        ...(followed === undefined ? {} : { followed }),
        ...(interactionAt ? { last_interaction_at: later("conversations", "last_interaction_at") } : {}),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toConversation(row);
}

export async function findConversation(db: Db, oaUserId: string): Promise<Conversation | undefined> {
  const row = await db.selectFrom("conversations").selectAll().where("oa_user_id", "=", oaUserId).executeTakeFirst();
  return row && toConversation(row);
}

/**
 * Conversations waiting for an officer, longest waiting first: those about `unitId` and those about no unit
 * (every unit sees these until one marks them handled); `unitId` undefined: every conversation (province viewer).
 */
export async function listWaitingConversations(
  db: Db,
  unitId: string | undefined,
  limit = 200,
): Promise<Conversation[]> {
  let q = db.selectFrom("conversations").selectAll().where("needs_human", "=", 1);
  if (unitId !== undefined) q = q.where((eb) => eb.or([eb("unit_id", "=", unitId), eb("unit_id", "is", null)]));
  const rows = await q.orderBy("needs_human_since").orderBy("oa_user_id").limit(limit).execute();
  return rows.map(toConversation);
}

/** Clears "needs an officer" if still set; false when it was cleared meanwhile. `alongside` runs in the same transaction. */
export async function markConversationHandled(
  db: Db,
  oaUserId: string,
  alongside?: (tx: Db) => Promise<void>,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable("conversations")
      .set({ needs_human: 0, needs_human_since: null })
      .where("oa_user_id", "=", oaUserId)
      .where("needs_human", "=", 1)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await alongside?.(tx);
    return true;
  });
}

/** `at`: when a conversation starts waiting for an officer (kept while it goes on waiting). */
export async function updateConversation(
  db: Db,
  oaUserId: string,
  change: { unitId?: string; needsHuman?: boolean; at?: string; demoNoted?: boolean },
): Promise<void> {
  const since = change.needsHuman
    ? sql<string>`case when needs_human = 1 and needs_human_since is not null then needs_human_since else ${change.at ?? new Date().toISOString()} end`
    : null;
  const set = {
    ...(change.unitId === undefined ? {} : { unit_id: change.unitId }),
    ...(change.needsHuman === undefined ? {} : { needs_human: change.needsHuman ? 1 : 0, needs_human_since: since }),
    ...(change.demoNoted ? { demo_noted_at: change.at ?? new Date().toISOString() } : {}),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable("conversations").set(set).where("oa_user_id", "=", oaUserId).execute();
}

function toConversation(r: Database["conversations"]): Conversation {
  return {
    oaUserId: r.oa_user_id,
    citizenId: r.citizen_id,
    followed: r.followed === 1,
    needsHuman: r.needs_human === 1,
    needsHumanSince: r.needs_human_since,
    unitId: r.unit_id,
    lastInteractionAt: r.last_interaction_at,
    demoNotedAt: r.demo_noted_at ?? null,
  };
}
