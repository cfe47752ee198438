/**
 * Zalo's Mini App notification rules applied at send time (shared/notify/miniapp-rules.ts): a send outside the
 * sending hours waits for them; one notification per user per Việt Nam day (the slot, a row of
 * miniapp_notify_slots, taken just before the call and given back if Zalo refuses); at most the app's daily quota.
 * A user whose slot is taken today, or an app at its quota, is reached by the next channel, or tomorrow.
 */
import type { Kysely } from "kysely";
import { nextDayOpensMs, vnDay, waitForHoursMs } from "../../../shared/notify/miniapp-rules.js";
import type { Database } from "../store/database.js";
import { deleteMiniAppSlot, insertMiniAppSlot, miniAppSlotOwner, miniAppSlotsUsed } from "../store/miniapp-slots.js";
import { scheduleOutbox, type OutboxRow } from "../store/outbox.js";
import type { NotifySettings } from "./notify-settings.js";

type Db = Kysely<Database>;

export type HeldReason = "miniapp_user_daily_slot" | "miniapp_app_daily_quota";

/** Why the Mini App channel cannot carry this row today; undefined when it can. */
export async function miniAppHeld(
  db: Db,
  settings: NotifySettings,
  row: OutboxRow,
  zaloUserId: string,
  nowMs: number,
): Promise<HeldReason | undefined> {
  const day = vnDay(nowMs);
  const owner = await miniAppSlotOwner(db, zaloUserId, day);
  if (owner) return owner === row.id ? undefined : "miniapp_user_daily_slot";
  return (await miniAppSlotsUsed(db, day)) >= settings.miniAppDailyCap ? "miniapp_app_daily_quota" : undefined;
}

/** Takes today's slot of this user for this row; false when another row took it meanwhile. */
export async function takeMiniAppSlot(db: Db, row: OutboxRow, zaloUserId: string, nowMs: number): Promise<boolean> {
  const day = vnDay(nowMs);
  await insertMiniAppSlot(db, { zaloUserId, day, outboxId: row.id, at: new Date(nowMs).toISOString() });
  return (await miniAppSlotOwner(db, zaloUserId, day)) === row.id;
}

/** Zalo did not take the notification: the day's slot is free again. */
export async function releaseMiniAppSlot(db: Db, row: OutboxRow, zaloUserId: string, nowMs: number): Promise<void> {
  await deleteMiniAppSlot(db, zaloUserId, vnDay(nowMs), row.id);
}

/** The instant a held row is looked at again: the sending hours of the next day, or of today when not open yet. */
export function miniAppRetryAtMs(
  settings: NotifySettings,
  nowMs: number,
  reason: HeldReason | "miniapp_hours",
): number {
  return reason === "miniapp_hours"
    ? nowMs + waitForHoursMs(nowMs, settings.miniAppHours)
    : nextDayOpensMs(nowMs, settings.miniAppHours);
}

/** Puts the row back in the outbox until `atMs` (no attempt counted: nothing was refused). */
export async function waitForMiniApp(
  db: Db,
  row: OutboxRow,
  atMs: number,
  reason: string,
  nowIso: string,
): Promise<{ kind: "retry"; delayMs: number; reason: string }> {
  await scheduleOutbox(db, row.id, {
    availableAt: new Date(atMs).toISOString(),
    countAttempt: false,
    lastError: reason,
    at: nowIso,
  });
  return { kind: "retry", delayMs: Math.max(0, atMs - Date.parse(nowIso)), reason };
}
