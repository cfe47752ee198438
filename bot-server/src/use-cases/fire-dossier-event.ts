/**
 * Every step after receipt (processing, approval, result, return, supplement, late handling) through the lifecycle
 * table: the role check, the once-only rule and the one-stop form come from shared/data/lifecycle.ts. Each step
 * writes the dossier, its event and, when the lifecycle names a notification, the outbox row in one transaction.
 * A delegate (users.delegate_for) acts as leader while that leader is marked away.
 */
import type { EventInput } from "../../../shared/console/intake.js";
import type { DossierEvent, DossierState, Role } from "../../../shared/data/lifecycle.js";
import { applyEvent } from "../../../shared/dossier/lifecycle.js";
import { vnMomentFromEpoch } from "../../../shared/time/vn-time.js";
import { fail } from "../../../shared/outcomes.js";
import { canSeeDossier, type Officer } from "../../../shared/officers/officer.js";
import type { Deps } from "../deps.js";
import { readConsoleSetting } from "../store/console-settings.js";
import { transitionsOfUnit } from "./unit-workflow.js";
import {
  appendDossierEvent,
  findDossierById,
  listDossierEvents,
  saveDossier,
  type DossierEventRecord,
  type DossierRecord,
} from "../store/dossiers.js";
import { insertOutbox } from "../store/outbox.js";
import { nowOf, notificationPayload, type Now } from "./console-context.js";
import type { Checked } from "./intake-input.js";
import { ConflictError } from "./receive-dossier.js";
import { trainingMismatch } from "./training.js";

export { EventInput } from "../../../shared/console/intake.js";

/** Events only the intake screen fires (they need the whole form). */
const INTAKE_EVENTS = new Set<DossierEvent>(["edit_draft", "receive", "refuse", "cancel_draft"]);

export const leaderAwayKey = (leaderId: string) => `leader_away:${leaderId}`;

export async function isLeaderAway(deps: Deps, leaderId: string): Promise<boolean> {
  return (await readConsoleSetting<{ away: boolean }>(deps.db, leaderAwayKey(leaderId)))?.away === true;
}

/** The role the lifecycle checks: a delegate whose leader is away acts as leader (ủy quyền duyệt). */
export async function effectiveRole(deps: Deps, officer: Officer): Promise<Role> {
  if (officer.role !== "leader" && officer.delegateFor && (await isLeaderAway(deps, officer.delegateFor)))
    return "leader";
  return officer.role;
}

export interface Fired {
  dossier: DossierRecord;
  form: string | null;
  warnings: string[];
}

export async function fireDossierEvent(
  deps: Deps,
  officer: Officer,
  dossierId: string,
  input: EventInput,
): Promise<Checked<Fired>> {
  const d = await findDossierById(deps.db, dossierId);
  if (!d || !canSeeDossier(officer, d)) return fail("dossier_not_in_unit");
  const mismatch = trainingMismatch(deps, d);
  if (mismatch) return mismatch;
  if (INTAKE_EVENTS.has(input.event) || (input.event === "request_supplement" && d.state === "draft"))
    return fail("invalid_transition");
  const role = await effectiveRole(deps, officer);
  const events = await listDossierEvents(deps.db, d.id);
  const history = events.map((e) => e.type as DossierEvent);
  const t = applyEvent(
    d.state as DossierState,
    input.event,
    { role, track: d.track, history },
    await transitionsOfUnit(deps, d.receivingUnitId),
  );
  if (!t.ok) return fail(t.code === "forbidden_role" ? "forbidden" : "invalid_transition", { message: t.message });
  const now = nowOf(deps);
  const change = applyData(deps, d, input, t.requires ?? [], now, events);
  if (!change.ok) return change;
  const next: DossierRecord = { ...change.value.dossier, state: t.to, updatedAt: now.iso };
  if (input.event === "mark_result_ready") next.resultReadyAt = now.iso;
  try {
    await deps.db.transaction().execute(async (trx) => {
      if (!(await saveDossier(trx, next, d.state))) throw new ConflictError();
      const event = await appendDossierEvent(trx, {
        dossierId: d.id,
        type: input.event,
        fromState: d.state,
        toState: t.to,
        actorId: officer.id,
        actorRole: role,
        at: now.iso,
        data: {
          ...change.value.eventData,
          ...(t.form ? { form: t.form } : {}),
          ...(role !== officer.role ? { onBehalfOf: officer.delegateFor } : {}),
        },
      });
      if (t.notify) {
        await insertOutbox(trx, {
          dossierId: d.id,
          eventId: event.id,
          kind: t.notify,
          now: now.iso,
          payload: notificationPayload(deps, next, change.value.notifyExtra),
        });
      }
    });
  } catch (e) {
    if (e instanceof ConflictError) return fail("conflict");
    throw e;
  }
  deps.statusCache.forget(d.code);
  return { ok: true, value: { dossier: next, form: t.form ?? null, warnings: change.value.warnings } };
}

interface Change {
  dossier: DossierRecord;
  eventData: Record<string, unknown>;
  notifyExtra: Record<string, string | null | readonly string[]>;
  warnings: string[];
}

/** Validates and applies the data an event carries (reason, missing documents, new due date, who collected). */
function applyData(
  deps: Deps,
  d: DossierRecord,
  input: EventInput,
  requires: readonly string[],
  now: Now,
  events: readonly DossierEventRecord[],
): Checked<Change> {
  const missingField = (path: string, message: string) => fail("missing_data", { fields: [{ path, message }] });
  if (requires.includes("reason") && !input.reason) return missingField("reason", "Vui lòng ghi lý do");
  const out: Change = {
    dossier: { ...d },
    eventData: input.reason ? { reason: input.reason } : {},
    notifyExtra: {},
    warnings: [],
  };
  const cal = deps.domain.calendar;
  switch (input.event) {
    case "request_supplement": {
      if (!input.missingDocuments || input.missingDocuments.length === 0)
        return missingField("missingDocuments", "Ghi ít nhất một thành phần hồ sơ cần bổ sung");
      out.dossier.missingDocuments = input.missingDocuments;
      out.eventData.missing = input.missingDocuments.map((m) => m.name);
      out.notifyExtra.missingDocuments = input.missingDocuments.map((m) => m.name);
      break;
    }
    case "submit_supplement": {
      // docs/domain/scheme.md#intake-outcomes-and-dossier-rules rule 5: the clock stopped while waiting; the due date moves by the working days spent waiting.
      const asked = [...events].reverse().find((e) => e.type === "request_supplement");
      const askedOn = asked ? vnMomentFromEpoch(Date.parse(asked.at)).date : undefined;
      const waited = askedOn ? Math.max(0, cal.workingDaysBetween(askedOn, now.date)) : 0;
      if (waited > 0) out.dossier.dueDate = cal.addWorkingDays(d.dueDate, waited);
      out.dossier.missingDocuments = [];
      out.eventData.waitedWorkingDays = waited;
      out.eventData.dueDate = out.dossier.dueDate;
      break;
    }
    case "extend_due_date": {
      if (!input.newDueDate) return missingField("newDueDate", "Vui lòng chọn ngày hẹn trả mới");
      if (input.newDueDate <= d.dueDate) return missingField("newDueDate", "Ngày hẹn mới phải sau ngày hẹn hiện tại");
      if (!cal.isWorkingDay(input.newDueDate)) return missingField("newDueDate", "Ngày hẹn mới phải là ngày làm việc");
      // Decree 61/2018 [U]: the apology is sent no later than 1 working day before the due date.
      if (cal.workingDaysBetween(now.date, d.dueDate) < 1)
        out.warnings.push("Văn bản xin lỗi gửi muộn hơn 01 ngày làm việc trước ngày hẹn trả (cần kiểm tra quy định).");
      out.eventData.previousDueDate = d.dueDate;
      out.eventData.newDueDate = input.newDueDate;
      out.dossier.dueDate = input.newDueDate;
      out.notifyExtra.previousDueDate = d.dueDate;
      break;
    }
    case "return_result": {
      const who = input.returnedTo || d.applicantName;
      if (!who) return missingField("returnedTo", "Ghi họ tên người nhận kết quả");
      out.dossier.returnedAt = now.iso;
      out.dossier.returnedTo = who;
      out.eventData.returnedToApplicant = who === d.applicantName;
      break;
    }
    default:
      break;
  }
  return { ok: true, value: out };
}

export interface BatchResult {
  id: string;
  ok: boolean;
  code?: string;
  message?: string;
  dossierCode?: string;
}

/** Leader's batch review: approve several same-day dossiers; each is its own transaction and reports its outcome. */
export async function approveBatch(deps: Deps, officer: Officer, ids: readonly string[]): Promise<BatchResult[]> {
  const out: BatchResult[] = [];
  for (const id of ids) {
    const d = await findDossierById(deps.db, id);
    if (d && canSeeDossier(officer, d) && d.track !== "same-day") {
      out.push({
        id,
        ok: false,
        code: "invalid_transition",
        message: "Duyệt hàng loạt chỉ áp dụng cho hồ sơ trả trong ngày",
        dossierCode: d.code,
      });
      continue;
    }
    const r = await fireDossierEvent(deps, officer, id, { event: "approve" });
    out.push(
      r.ok
        ? { id, ok: true, dossierCode: r.value.dossier.code }
        : { id, ok: false, code: r.code, ...(r.message ? { message: r.message } : {}) },
    );
  }
  return out;
}
