/**
 * Citizens' requests to correct their personal data (Luật số 91/2025/QH15) as the unit sees them. The unit
 * administrator reads and answers those addressed to their unit; the province viewer reads every unit's; other
 * roles neither. Each read and each answer is audited; another unit's request looks like a missing one.
 */
import {
  CORRECTION_STATUS_LABELS,
  CORRECTION_SUBJECT_LABELS,
  type CorrectionSubject,
} from "../../../shared/api/my-data.js";
import type {
  DataRequestAnswerBody,
  DataRequestsReply,
  DataRequestView,
} from "../../../shared/console/data-requests.js";
import { isProvinceWide, type Officer } from "../../../shared/officers/officer.js";
import { may } from "../../../shared/officers/permissions.js";
import { fail, type Outcome } from "../../../shared/outcomes.js";
import type { Deps } from "../deps.js";
import { writeAudit, writeAuditMany } from "../store/audit.js";
import {
  answerDataRequest,
  findDataRequest,
  listRequestsOfUnit,
  type DataRequestRecord,
} from "../store/data-requests.js";

function view(deps: Deps, r: DataRequestRecord): DataRequestView {
  const unit = deps.domain.units.byId(r.unitId);
  return {
    id: r.id,
    subject: r.subject,
    subjectLabel: CORRECTION_SUBJECT_LABELS[r.subject as CorrectionSubject] ?? r.subject,
    reference: r.reference,
    unitName: unit ? deps.domain.units.displayName(unit) : r.unitId,
    text: r.text,
    status: r.status,
    statusLabel: CORRECTION_STATUS_LABELS[r.status] ?? r.status,
    answer: r.answer,
    answeredAt: r.answeredAt,
    createdAt: r.createdAt,
  };
}

/** The unit's requests (every unit's for the province viewer); each one read is audited. */
export async function unitDataRequests(deps: Deps, officer: Officer): Promise<DataRequestsReply> {
  const items = await listRequestsOfUnit(deps.db, isProvinceWide(officer) ? undefined : officer.unitId!);
  const now = deps.clock.now().toISOString();
  await writeAuditMany(
    deps.db,
    items.map((i) => ({
      at: now,
      actorKind: "officer" as const,
      actorId: officer.id,
      action: "read" as const,
      subjectKind: "data_request" as const,
      subjectId: i.id,
      fields: ["text", "answer"],
      reason: "Đơn vị xem yêu cầu chỉnh sửa dữ liệu cá nhân",
    })),
  );
  return { canAnswer: may(officer, "data_requests.answer"), items: items.map((i) => view(deps, i)) };
}

/** The answer and its audit entry commit together; a request answered meanwhile is a conflict. */
export async function answerUnitDataRequest(
  deps: Deps,
  officer: Officer,
  id: string,
  body: DataRequestAnswerBody,
): Promise<Outcome<DataRequestView>> {
  const found = await findDataRequest(deps.db, id);
  if (!found || found.unitId !== officer.unitId) return fail("data_request_not_found");
  const now = deps.clock.now().toISOString();
  const done = await deps.db.transaction().execute(async (tx) => {
    if (
      !(await answerDataRequest(tx, found.id, {
        status: body.status,
        answer: body.answer.normalize("NFC"),
        officerId: officer.id,
        now,
      }))
    )
      return false;
    await writeAudit(tx, {
      at: now,
      actorKind: "officer",
      actorId: officer.id,
      action: "update",
      subjectKind: "data_request",
      subjectId: found.id,
      fields: ["status", "answer"],
      reason:
        body.status === "done"
          ? "Đơn vị đã sửa dữ liệu theo yêu cầu của người dân"
          : "Đơn vị trả lời không sửa dữ liệu",
    });
    return true;
  });
  if (!done) return fail("conflict", { message: "Yêu cầu này đã được trả lời." });
  return { ok: true, value: view(deps, (await findDataRequest(deps.db, found.id))!) };
}
