/**
 * /console/api/data-requests: citizens' requests to correct their personal data (Luật số 91/2025/QH15). The unit
 * administrator reads and answers those addressed to their unit; the province viewer reads every unit's; other
 * roles neither. Each read and each answer is audited; another unit's request looks like a missing one.
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { CORRECTION_STATUS_LABELS, CORRECTION_SUBJECT_LABELS, CORRECTION_TEXT_MAX, type CorrectionSubject } from "../../../shared/api/my-data.js";
import type { Deps } from "../deps.js";
import { writeAudit, writeAuditMany } from "../store/audit.js";
import { answerDataRequest, findDataRequest, listRequestsOfUnit, type DataRequestRecord } from "../store/data-requests.js";
import { sendConsoleError } from "./console-errors.js";
import type { Officer } from "./officer.js";

const AnswerBody = z.object({
  status: z.enum(["done", "refused"]),
  answer: z.string().trim().min(1, "Vui lòng nhập nội dung trả lời người dân.").max(CORRECTION_TEXT_MAX),
});

const officerOf = (req: Request): Officer => req.console!.officer;
const mayRead = (o: Officer) => o.role === "province_viewer" || (o.role === "unit_admin" && o.unitId !== null);

function view(deps: Deps, r: DataRequestRecord) {
  const unit = deps.domain.units.byId(r.unitId);
  return {
    id: r.id, subject: r.subject, subjectLabel: CORRECTION_SUBJECT_LABELS[r.subject as CorrectionSubject] ?? r.subject, reference: r.reference,
    unitName: unit ? deps.domain.units.displayName(unit) : r.unitId, text: r.text, status: r.status, statusLabel: CORRECTION_STATUS_LABELS[r.status] ?? r.status,
    answer: r.answer, answeredAt: r.answeredAt, createdAt: r.createdAt,
  };
}

export function consoleDataRequestRoutes(deps: Deps): Router {
  const r = Router();

  r.get("/", async (req: Request, res: Response) => {
    const officer = officerOf(req);
    if (!mayRead(officer)) return sendConsoleError(res, { code: "forbidden", message: "Chỉ quản trị đơn vị được xem yêu cầu chỉnh sửa dữ liệu của người dân." });
    const items = await listRequestsOfUnit(deps.db, officer.role === "province_viewer" ? undefined : officer.unitId!);
    const now = deps.clock.now().toISOString();
    await writeAuditMany(deps.db, items.map((i) => ({
      at: now, actorKind: "officer" as const, actorId: officer.id, action: "read" as const, subjectKind: "data_request" as const, subjectId: i.id, fields: ["text", "answer"],
      reason: "Đơn vị xem yêu cầu chỉnh sửa dữ liệu cá nhân",
    })));
    res.set("Cache-Control", "no-store").json({ canAnswer: officer.role === "unit_admin", items: items.map((i) => view(deps, i)) });
  });

  r.post("/:id/answer", async (req: Request, res: Response) => {
    const officer = officerOf(req);
    if (officer.role !== "unit_admin" || officer.unitId === null) return sendConsoleError(res, { code: "forbidden", message: "Chỉ quản trị đơn vị được trả lời yêu cầu chỉnh sửa dữ liệu." });
    const body = AnswerBody.safeParse(req.body ?? {});
    if (!body.success) return sendConsoleError(res, { code: "invalid_body", fields: body.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) });
    const found = await findDataRequest(deps.db, String(req.params.id));
    if (!found || found.unitId !== officer.unitId) return sendConsoleError(res, { code: "not_found", message: "Không tìm thấy yêu cầu này trong đơn vị của bạn." });
    const now = deps.clock.now().toISOString();
    const done = await deps.db.transaction().execute(async (tx) => {
      if (!(await answerDataRequest(tx, found.id, { status: body.data.status, answer: body.data.answer.normalize("NFC"), officerId: officer.id, now }))) return false;
      await writeAudit(tx, {
        at: now, actorKind: "officer", actorId: officer.id, action: "update", subjectKind: "data_request", subjectId: found.id, fields: ["status", "answer"],
        reason: body.data.status === "done" ? "Đơn vị đã sửa dữ liệu theo yêu cầu của người dân" : "Đơn vị trả lời không sửa dữ liệu",
      });
      return true;
    });
    if (!done) return sendConsoleError(res, { code: "conflict", message: "Yêu cầu này đã được trả lời." });
    res.json(view(deps, (await findDataRequest(deps.db, found.id))!));
  });

  return r;
}
