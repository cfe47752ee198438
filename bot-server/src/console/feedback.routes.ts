/**
 * /console/api/feedback: the unit reads its citizens' ratings, complaints and suggestions and answers them.
 * The answer, its audit entry and the "feedback_answer" outbox row (no personal text in it) commit together,
 * so the citizen is told if and only if the answer is saved. A province viewer reads every unit, answers none.
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { FEEDBACK_KIND_LABELS, FEEDBACK_STATUS_LABELS, FEEDBACK_TEXT_MAX, SATISFACTION_LABELS, type FeedbackKind, type FeedbackStatus, type SatisfactionRating } from "../../../shared/api/feedback.js";
import type { Deps } from "../deps.js";
import { writeAudit, writeAuditMany } from "../store/audit.js";
import { answerFeedback, findFeedback, listFeedbackOfUnit, type FeedbackRecord } from "../store/feedback.js";
import { insertOutbox } from "../store/outbox.js";
import { sendError } from "../http/api-error.js";
import { unitScope, type Officer } from "../../../shared/officers/officer.js";
import { may } from "../../../shared/officers/permissions.js";

const ListQuery = z.object({ status: z.enum(["open", "answered", "closed"]).optional() });
const AnswerBody = z.object({ answer: z.string().trim().min(1, "Vui lòng nhập nội dung trả lời.").max(FEEDBACK_TEXT_MAX) });

const officerOf = (req: Request): Officer => req.console!.officer;

function view(deps: Deps, f: FeedbackRecord) {
  const unit = deps.domain.units.byId(f.unitId);
  return {
    id: f.id,
    kind: f.kind,
    kindLabel: FEEDBACK_KIND_LABELS[f.kind as FeedbackKind] ?? f.kind,
    rating: f.rating,
    ratingLabel: f.rating ? (SATISFACTION_LABELS[f.rating as SatisfactionRating] ?? f.rating) : null,
    text: f.text,
    dossierCode: f.dossierCode,
    unitName: unit ? deps.domain.units.displayName(unit) : f.unitId,
    status: f.status,
    statusLabel: FEEDBACK_STATUS_LABELS[f.status as FeedbackStatus] ?? f.status,
    createdAt: f.createdAt,
    answer: f.answer,
    answeredAt: f.answeredAt,
  };
}

function auditRead(deps: Deps, officer: Officer, items: readonly FeedbackRecord[]) {
  const now = deps.clock.now().toISOString();
  return writeAuditMany(
    deps.db,
    items
      .filter((f) => f.text !== null)
      .map((f) => ({ at: now, actorKind: "officer" as const, actorId: officer.id, action: "read" as const, subjectKind: "feedback" as const, subjectId: f.id, fields: ["text"], reason: "Đơn vị xem ý kiến người dân" })),
  );
}

export function consoleFeedbackRoutes(deps: Deps): Router {
  const r = Router();

  r.get("/", async (req: Request, res: Response) => {
    const q = ListQuery.safeParse(req.query);
    if (!q.success) return sendError(res, { code: "invalid_body", fields: [{ path: "status", message: "Trạng thái phải là open, answered hoặc closed." }] });
    const officer = officerOf(req);
    const items = await listFeedbackOfUnit(deps.db, unitScope(officer), q.data.status);
    await auditRead(deps, officer, items);
    res.set("Cache-Control", "no-store").json({ items: items.map((f) => view(deps, f)) });
  });

  r.post("/:id/answer", async (req: Request, res: Response) => {
    const officer = officerOf(req);
    if (!may(officer, "feedback.answer")) return sendError(res, { code: "forbidden" });
    const body = AnswerBody.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, { code: "invalid_body", fields: body.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) });
    const found = await findFeedback(deps.db, String(req.params.id));
    // Another unit's feedback and a missing one look the same.
    if (!found || officer.unitId === null || found.unitId !== officer.unitId) {
      return sendError(res, { code: "feedback_not_found" });
    }
    const now = deps.clock.now().toISOString();
    const unit = deps.domain.units.byId(found.unitId);
    const answered = await deps.db.transaction().execute(async (trx) => {
      if (!(await answerFeedback(trx, found.id, body.data.answer.normalize("NFC"), officer.id, now))) return false;
      await writeAudit(trx, { at: now, actorKind: "officer", actorId: officer.id, action: "update", subjectKind: "feedback", subjectId: found.id, fields: ["answer"], reason: "Đơn vị trả lời ý kiến người dân" });
      await insertOutbox(trx, {
        dossierId: found.dossierId,
        eventId: null,
        kind: "feedback_answer",
        payload: { feedbackId: found.id, unitId: found.unitId, unitName: unit ? deps.domain.units.displayName(unit) : null, dossierCode: found.dossierCode },
        now,
      });
      return true;
    });
    if (!answered) return sendError(res, { code: "conflict", message: "Ý kiến này đã được trả lời." });
    const after = await findFeedback(deps.db, found.id);
    res.json(view(deps, after!));
  });

  return r;
}
