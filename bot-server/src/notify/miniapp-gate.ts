/**
 * Zalo's Mini App notification rules applied at send time (shared/notify/miniapp-rules.ts): a send outside the
 * sending hours waits for them; one notification per user per Việt Nam day (the slot, a row of
 * miniapp_notify_slots, taken just before the call and given back if Zalo refuses); at most the app's daily quota.
 * A user whose slot is taken today, or an app at its quota, is reached by the next channel, or tomorrow.
 */
import { sql, type Kysely } from "kysely";
import { nextDayOpensMs, vnDay, waitForHoursMs } from "../../../shared/notify/miniapp-rules.js";
import type { Database } from "../store/database.js";
import { scheduleOutbox, type OutboxRow } from "./notify-store.js";
import type { NotifySettings } from "./notify-settings.js";

type Db = Kysely<Database>;

export type HeldReason = "miniapp_user_daily_slot" | "miniapp_app_daily_quota";

/** Why the Mini App channel cannot carry this row today; undefined when it can. */
export async function miniAppHeld(db: Db, settings: NotifySettings, row: OutboxRow, zaloUserId: string, nowMs: number): Promise<HeldReason | undefined> {
  const day = vnDay(nowMs);
  const slot = await db.selectFrom("miniapp_notify_slots").select("outbox_id").where("zalo_user_id", "=", zaloUserId).where("day", "=", day).executeTakeFirst();
  if (slot) return slot.outbox_id === row.id ? undefined : "miniapp_user_daily_slot";
  const used = await db.selectFrom("miniapp_notify_slots").select(sql<number>`count(*)`.as("n")).where("day", "=", day).executeTakeFirstOrThrow();
  return Number(used.n) >= settings.miniAppDailyCap ? "miniapp_app_daily_quota" : undefined;
}

/** Takes today's slot of this user for this row; false when another row took it meanwhile. */
export async function takeMiniAppSlot(db: Db, row: OutboxRow, zaloUserId: string, nowMs: number): Promise<boolean> {
  const day = vnDay(nowMs);
  await db
    .insertInto("miniapp_notify_slots")
    .values({ zalo_user_id: zaloUserId, day, outbox_id: row.id, at: new Date(nowMs).toISOString() })
    .onConflict((oc) => oc.columns(["zalo_user_id", "day"]).doNothing())
    .execute();
  const owner = await db.selectFrom("miniapp_notify_slots").select("outbox_id").where("zalo_user_id", "=", zaloUserId).where("day", "=", day).executeTakeFirst();
  return owner?.outbox_id === row.id;
}

/** Zalo did not take the notification: the day's slot is free again. */
export async function releaseMiniAppSlot(db: Db, row: OutboxRow, zaloUserId: string, nowMs: number): Promise<void> {
  await db.deleteFrom("miniapp_notify_slots").where("zalo_user_id", "=", zaloUserId).where("day", "=", vnDay(nowMs)).where("outbox_id", "=", row.id).execute();
}

/** The instant a held row is looked at again: the sending hours of the next day, or of today when not open yet. */
export function miniAppRetryAtMs(settings: NotifySettings, nowMs: number, reason: HeldReason | "miniapp_hours"): number {
  return reason === "miniapp_hours" ? nowMs + waitForHoursMs(nowMs, settings.miniAppHours) : nextDayOpensMs(nowMs, settings.miniAppHours);
}

/** Puts the row back in the outbox until `atMs` (no attempt counted: nothing was refused). */
export async function waitForMiniApp(db: Db, row: OutboxRow, atMs: number, reason: string, nowIso: string): Promise<{ kind: "retry"; delayMs: number; reason: string }> {
  await scheduleOutbox(db, row.id, { availableAt: new Date(atMs).toISOString(), countAttempt: false, lastError: reason, at: nowIso });
  return { kind: "retry", delayMs: Math.max(0, atMs - Date.parse(nowIso)), reason };
}
