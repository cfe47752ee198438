/**
 * /console/api/data-requests: citizens' requests to correct their personal data (Luật số 91/2025/QH15). The unit
 * administrator reads and answers those addressed to their unit; the province viewer reads every unit's; other
 * roles neither. Each read and each answer is audited; another unit's request looks like a missing one.
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import {
  CORRECTION_STATUS_LABELS,
  CORRECTION_SUBJECT_LABELS,
  CORRECTION_TEXT_MAX,
  type CorrectionSubject,
} from "../../../shared/api/my-data.js";
import type { Deps } from "../deps.js";
import { writeAudit, writeAuditMany } from "../store/audit.js";
import {
  answerDataRequest,
  findDataRequest,
  listRequestsOfUnit,
  type DataRequestRecord,
} from "../store/data-requests.js";
import { sendError } from "../http/api-error.js";
import type { Officer } from "../../../shared/officers/officer.js";
import { may, refusalOf } from "../../../shared/officers/permissions.js";

const AnswerBody = z.object({
  status: z.enum(["done", "refused"]),
  answer: z.string().trim().min(1, "Vui lòng nhập nội dung trả lời người dân.").max(CORRECTION_TEXT_MAX),
});

const officerOf = (req: Request): Officer => req.console!.officer;
const mayRead = (o: Officer) => may(o, "data_requests.read");

function view(deps: Deps, r: DataRequestRecord) {
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

export function consoleDataRequestRoutes(deps: Deps): Router {
  const r = Router();

  r.get("/", async (req: Request, res: Response) => {
    const officer = officerOf(req);
    if (!mayRead(officer)) return sendError(res, { code: "forbidden", message: refusalOf("data_requests.read") });
    const items = await listRequestsOfUnit(deps.db, officer.role === "province_viewer" ? undefined : officer.unitId!);
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
    res
      .set("Cache-Control", "no-store")
      .json({ canAnswer: may(officer, "data_requests.answer"), items: items.map((i) => view(deps, i)) });
  });

  r.post("/:id/answer", async (req: Request, res: Response) => {
    const officer = officerOf(req);
    if (!may(officer, "data_requests.answer"))
      return sendError(res, { code: "forbidden", message: refusalOf("data_requests.answer") });
    const body = AnswerBody.safeParse(req.body ?? {});
    if (!body.success)
      return sendError(res, {
        code: "invalid_body",
        fields: body.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
      });
    const found = await findDataRequest(deps.db, String(req.params.id));
    if (!found || found.unitId !== officer.unitId) return sendError(res, { code: "data_request_not_found" });
    const now = deps.clock.now().toISOString();
    const done = await deps.db.transaction().execute(async (tx) => {
      if (
        !(await answerDataRequest(tx, found.id, {
          status: body.data.status,
          answer: body.data.answer.normalize("NFC"),
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
          body.data.status === "done"
            ? "Đơn vị đã sửa dữ liệu theo yêu cầu của người dân"
            : "Đơn vị trả lời không sửa dữ liệu",
      });
      return true;
    });
    if (!done) return sendError(res, { code: "conflict", message: "Yêu cầu này đã được trả lời." });
    res.json(view(deps, (await findDataRequest(deps.db, found.id))!));
  });

  return r;
}
