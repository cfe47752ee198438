/** "Kịp 15:00 không?" at a unit now: the scheme state, who is at the counter and the wait range (shared/scheme/counter-wait.ts). */
import type { CounterWait } from "../../../shared/api/units.js";
import { COUNTER_WAIT_METHOD, estimateCounterWait } from "../../../shared/scheme/counter-wait.js";
import { formatClock, vnMomentFromEpoch } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";
import { counterActivity } from "../store/counter-activity.js";
import type { Moment } from "./moment.js";
import { schemeStatus } from "./scheme-status.js";

const hm = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const minutesOf = (iso: string) => vnMomentFromEpoch(Date.parse(iso)).minutes;

export async function counterWait(
  deps: Deps,
  unitCode: string,
  moment: Moment,
): Promise<{ ok: true; value: CounterWait } | { ok: false; code: "unit_not_found" }> {
  const s = schemeStatus(deps, unitCode, moment);
  if (!s.ok) return { ok: false, code: "unit_not_found" };
  const status = s.value;
  const base = {
    unitCode: status.unit.code,
    date: status.date,
    time: status.time,
    schemeDay: status.schemeDay,
    intakeState: status.intakeState,
    intakeCutoff: status.intakeCutoff,
    method: COUNTER_WAIT_METHOD,
  };
  if (!status.schemeDay) return { ok: true, value: { ...base, estimate: null } };
  const dayStart = Date.parse(`${status.date}T00:00:00+07:00`);
  const nowMs = Date.parse(moment.at);
  const activity = await counterActivity(
    deps.db,
    status.unit.id,
    new Date(dayStart).toISOString(),
    new Date(Math.min(nowMs + 1, dayStart + 86_400_000)).toISOString(),
  );
  const e = estimateCounterWait({
    nowMinutes: moment.vn.minutes,
    cutoffMinutes: status.intakeCutoff ? hm(status.intakeCutoff) : null,
    receptions: activity.receptions.map((r) => ({ atMinutes: minutesOf(r.at), officer: r.officer })),
    inProgress: activity.draftsStarted.map((iso) => ({ startedMinutes: minutesOf(iso) })),
    resumesAtMinutes: status.intakeState === "paused" && status.resumesAt ? hm(status.resumesAt) : null,
  });
  const readyBy =
    e.wait && e.minutesPerCitizen
      ? formatClock(Math.min(24 * 60 - 1, moment.vn.minutes + e.wait.high + e.minutesPerCitizen.high))
      : null;
  return { ok: true, value: { ...base, estimate: { ...e, receivedBy: readyBy } } };
}
