/**
 * The alert before the end of a scheme day: same-day dossiers still waiting at `minutesBeforeEnd` before the office
 * closes are highlighted on the console and, once per unit per day, an outbox row of kind "leader_alert" is written
 * for each leader and delegate of the unit (the notification module delivers it). The once-only marker and the
 * outbox rows commit together, so two servers never alert twice and a crash never loses the alert.
 */
import { clockMinutes, formatClock } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";
import { claimOnce, readConsoleSetting, writeConsoleSetting } from "../store/console-settings.js";
import { listDossiers } from "../store/dossiers.js";
import { insertOutbox } from "../store/outbox.js";
import { listOfficersOfUnit } from "../store/users.js";
import { inTraining } from "./training.js";
import { nowOf, unitOf, type Now } from "./console-context.js";

export const DEFAULT_ALERT_MINUTES_BEFORE_END = 60;
const DEFAULT_OFFICE_END = "17:00";
const WAITING = ["received", "processing", "awaiting_supplement", "awaiting_approval", "approved", "rejected"];

export const alertSettingKey = (unitId: string) => `leader_alert_minutes:${unitId}`;

export interface LeaderAlert {
  minutesBeforeEnd: number;
  alertAt: string;
  officeEnd: string;
  pastAlertTime: boolean;
  /** Same-day dossiers received today and not yet ready. */
  waiting: { id: string; code: string; state: string }[];
  active: boolean;
}

export async function alertMinutes(deps: Deps, unitId: string): Promise<number> {
  const v = await readConsoleSetting<number>(deps.db, alertSettingKey(unitId));
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 480 ? v : DEFAULT_ALERT_MINUTES_BEFORE_END;
}

export async function setAlertMinutes(deps: Deps, unitId: string, minutes: number, by: string): Promise<void> {
  await writeConsoleSetting(deps.db, alertSettingKey(unitId), minutes, nowOf(deps).iso, by);
}

function officeEndOf(deps: Deps, unitCode: string, now: Now): string {
  const s = deps.domain.scheme.schemeStatusAt(unitCode, now.vnIso);
  const hours = s.ok ? s.officeHours : undefined;
  return hours && hours.length > 0 ? hours[hours.length - 1]!.end : DEFAULT_OFFICE_END;
}

export async function leaderAlertStatus(
  deps: Deps,
  unitId: string,
  now: Now = nowOf(deps),
  { notify = false } = {},
): Promise<LeaderAlert | undefined> {
  const unit = unitOf(deps, unitId);
  if (!unit) return undefined;
  const minutes = await alertMinutes(deps, unitId);
  const officeEnd = officeEndOf(deps, unit.code, now);
  const alertAtMinutes = Math.max(0, clockMinutes(officeEnd) - minutes);
  const pastAlertTime = now.minutes >= alertAtMinutes;
  const dayStart = new Date(Date.parse(`${now.date}T00:00:00+07:00`)).toISOString();
  const waiting = (
    await listDossiers(deps.db, {
      unitId,
      track: "same-day",
      states: WAITING,
      receivedFrom: dayStart,
      training: inTraining(deps),
    })
  )
    .filter((d) => d.dueDate === now.date)
    .map((d) => ({ id: d.id, code: d.code, state: d.state }));
  const alert: LeaderAlert = {
    minutesBeforeEnd: minutes,
    alertAt: formatClock(alertAtMinutes),
    officeEnd,
    pastAlertTime,
    waiting,
    active: pastAlertTime && waiting.length > 0,
  };
  // Training (docs/admin/training.md) alerts on the console only: no message to the leader, no once-a-day marker.
  if (alert.active && notify && !inTraining(deps)) await sendLeaderAlertOnce(deps, unitId, unit.name, now, alert);
  return alert;
}

async function sendLeaderAlertOnce(
  deps: Deps,
  unitId: string,
  unitName: string,
  now: Now,
  alert: LeaderAlert,
): Promise<void> {
  const officers = await listOfficersOfUnit(deps.db, unitId);
  const leaders = officers.filter((o) => o.active && (o.role === "leader" || o.delegateFor !== null));
  await deps.db.transaction().execute(async (trx) => {
    if (!(await claimOnce(trx, `leader_alert_sent:${unitId}:${now.date}`, now.iso))) return;
    for (const leader of leaders) {
      await insertOutbox(trx, {
        dossierId: null,
        eventId: null,
        kind: "leader_alert",
        now: now.iso,
        payload: {
          recipientUserId: leader.id,
          unitId,
          unitName,
          date: now.date,
          alertAt: alert.alertAt,
          officeEnd: alert.officeEnd,
          waitingCount: alert.waiting.length,
          dossierCodes: alert.waiting.map((w) => w.code),
        },
      });
    }
  });
}
