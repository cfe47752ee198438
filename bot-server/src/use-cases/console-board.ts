/**
 * The "today" board and the work queues. Lists show a dossier's code, procedure, state, track and dates with the
 * applicant's name shortened ("N. V. Thử"): enough to call the citizen at the counter, while full personal data
 * is read on the dossier page, which is audited. Flags: same-day at risk, due soon (within one working day), late.
 */
import type { DossierState } from "../../../shared/data/lifecycle.js";
import { STATE_LABELS_VI } from "../../../shared/dossier/lifecycle-labels.js";
import type { SchemeStatus } from "../../../shared/scheme/decide-track.js";
import { unitScope, type Officer } from "../../../shared/officers/officer.js";
import type { Deps } from "../deps.js";
import { listDossiers, type DossierQuery, type DossierRecord } from "../store/dossiers.js";
import { nowOf, unitOf, type Now } from "./console-context.js";
import { leaderAlertStatus, type LeaderAlert } from "./leader-alert.js";
import { inTraining } from "./training.js";

const OPEN_STATES = [
  "received",
  "processing",
  "awaiting_supplement",
  "awaiting_approval",
  "approved",
  "rejected",
  "result_ready",
];
const FINISHED_FOR_CITIZEN = new Set(["result_ready", "returned", "refused", "withdrawn"]);

export const QUEUES = {
  today: { label: "Hồ sơ hôm nay", states: [] as string[] },
  drafts: { label: "Đang kê khai", states: ["draft"] },
  processing: { label: "Chờ xử lý", states: ["received", "processing", "awaiting_supplement"] },
  approval: { label: "Chờ lãnh đạo duyệt", states: ["awaiting_approval"] },
  results: { label: "Trả kết quả", states: ["approved", "rejected", "result_ready"] },
  open: { label: "Đang giải quyết", states: OPEN_STATES },
} as const;
export type QueueName = keyof typeof QUEUES;

export interface DossierListItem {
  id: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  applicantShort: string;
  state: string;
  stateLabel: string;
  track: "same-day" | "normal";
  receivedAt: string;
  dueDate: string;
  flags: ("same_day_at_risk" | "due_soon" | "late")[];
}

/** "Nguyễn Văn Thử" → "N. V. Thử". */
export function shortName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return parts[0] ?? "";
  return [...parts.slice(0, -1).map((p) => `${p.charAt(0).toLocaleUpperCase("vi")}.`), parts[parts.length - 1]].join(
    " ",
  );
}

/** Start of the Việt Nam day as a UTC instant, for received_at ranges. */
export function dayStartIso(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+07:00`)).toISOString();
}

function flagsOf(deps: Deps, d: DossierRecord, now: Now, alert: LeaderAlert | undefined): DossierListItem["flags"] {
  if (!OPEN_STATES.includes(d.state) || FINISHED_FOR_CITIZEN.has(d.state)) return [];
  const out: DossierListItem["flags"] = [];
  if (d.dueDate < now.date) out.push("late");
  else if (d.dueDate <= deps.domain.calendar.nextWorkingDay(now.date)) out.push("due_soon");
  if (d.track === "same-day" && d.dueDate === now.date && alert?.pastAlertTime) out.push("same_day_at_risk");
  return out;
}

export function listItem(deps: Deps, d: DossierRecord, now: Now, alert?: LeaderAlert): DossierListItem {
  return {
    id: d.id,
    code: d.code,
    procedureCode: d.procedureCode,
    procedureName: deps.domain.catalog.versionById(d.procedureVersionId)?.name ?? d.procedureCode,
    applicantShort: shortName(d.applicantName),
    state: d.state,
    stateLabel: Object.hasOwn(STATE_LABELS_VI, d.state) ? STATE_LABELS_VI[d.state as DossierState] : d.state,
    track: d.track,
    receivedAt: d.receivedAt,
    dueDate: d.dueDate,
    flags: flagsOf(deps, d, now, alert),
  };
}

export async function listQueue(deps: Deps, officer: Officer, queue: QueueName): Promise<DossierListItem[]> {
  const now = nowOf(deps);
  const q: DossierQuery = { unitId: unitScope(officer), states: QUEUES[queue].states, training: inTraining(deps) };
  if (queue === "today") q.receivedFrom = dayStartIso(now.date);
  const alert = officer.unitId ? await leaderAlertStatus(deps, officer.unitId, now) : undefined;
  return (await listDossiers(deps.db, q)).map((d) => listItem(deps, d, now, alert));
}

export interface Board {
  date: string;
  time: string;
  weekdayName: string;
  scheme: SchemeStatus | null;
  counts: Record<string, number>;
  sameDayWaiting: DossierListItem[];
  dueSoon: DossierListItem[];
  late: DossierListItem[];
  alert: LeaderAlert | null;
}

export async function todayBoard(deps: Deps, officer: Officer): Promise<Board> {
  const now = nowOf(deps);
  const unit = unitOf(deps, officer.unitId);
  const status =
    unit && unit.level !== "province" ? deps.domain.scheme.schemeStatusAt(unit.code, now.vnIso) : undefined;
  const alert =
    officer.unitId && unit?.level !== "province"
      ? await leaderAlertStatus(deps, officer.unitId, now, { notify: true })
      : undefined;
  const scope = unitScope(officer);
  // A unit in training sees its training dossiers only; everyone else never sees them (docs/admin/training.md).
  const training = inTraining(deps);
  const today = await listDossiers(deps.db, { unitId: scope, receivedFrom: dayStartIso(now.date), training });
  const open = await listDossiers(deps.db, { unitId: scope, states: OPEN_STATES, training });
  const counts: Record<string, number> = {};
  for (const d of today) counts[d.state] = (counts[d.state] ?? 0) + 1;
  const items = open.map((d) => listItem(deps, d, now, alert));
  return {
    date: now.date,
    time: `${String(Math.floor(now.minutes / 60)).padStart(2, "0")}:${String(now.minutes % 60).padStart(2, "0")}`,
    weekdayName: status && status.ok ? status.weekdayName : "",
    scheme: status && status.ok ? status : null,
    counts,
    sameDayWaiting: items.filter(
      (i) => i.track === "same-day" && i.dueDate === now.date && !FINISHED_FOR_CITIZEN.has(i.state),
    ),
    dueSoon: items.filter((i) => i.flags.includes("due_soon")),
    late: items.filter((i) => i.flags.includes("late")),
    alert: alert ?? null,
  };
}
