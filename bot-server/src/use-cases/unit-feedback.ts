/**
 * The unit reads its citizens' ratings, complaints and suggestions and answers them. The answer, its audit entry
 * and the "feedback_answer" outbox row (no personal text in it) commit together, so the citizen is told if and
 * only if the answer is saved. A province viewer reads every unit, answers none.
 */
import {
  FEEDBACK_KIND_LABELS,
  FEEDBACK_STATUS_LABELS,
  SATISFACTION_LABELS,
  type FeedbackKind,
  type FeedbackStatus,
  type SatisfactionRating,
} from "../../../shared/api/feedback.js";
import type { FeedbackItem } from "../../../shared/console/feedback.js";
import { unitScope, type Officer } from "../../../shared/officers/officer.js";
import { fail, type Outcome } from "../../../shared/outcomes.js";
import type { Deps } from "../deps.js";
import { writeAudit, writeAuditMany } from "../store/audit.js";
import { answerFeedback, findFeedback, listFeedbackOfUnit, type FeedbackRecord } from "../store/feedback.js";
import { insertOutbox } from "../store/outbox.js";

function view(deps: Deps, f: FeedbackRecord): FeedbackItem {
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

/** The unit's feedback (every unit for a province viewer); each read of a citizen's text is audited. */
export async function listUnitFeedback(
  deps: Deps,
  officer: Officer,
  status: "open" | "answered" | "closed" | undefined,
): Promise<FeedbackItem[]> {
  const items = await listFeedbackOfUnit(deps.db, unitScope(officer), status);
  const now = deps.clock.now().toISOString();
  await writeAuditMany(
    deps.db,
    items
      .filter((f) => f.text !== null)
      .map((f) => ({
        at: now,
        actorKind: "officer" as const,
        actorId: officer.id,
        action: "read" as const,
        subjectKind: "feedback" as const,
        subjectId: f.id,
        fields: ["text"],
        reason: "Đơn vị xem ý kiến người dân",
      })),
  );
  return items.map((f) => view(deps, f));
}

export async function answerUnitFeedback(
  deps: Deps,
  officer: Officer,
  id: string,
  answer: string,
): Promise<Outcome<FeedbackItem>> {
  const found = await findFeedback(deps.db, id);
  // Another unit's feedback and a missing one look the same.
  if (!found || officer.unitId === null || found.unitId !== officer.unitId) return fail("feedback_not_found");
  const now = deps.clock.now().toISOString();
  const unit = deps.domain.units.byId(found.unitId);
  const answered = await deps.db.transaction().execute(async (trx) => {
    if (!(await answerFeedback(trx, found.id, answer.normalize("NFC"), officer.id, now))) return false;
    await writeAudit(trx, {
      at: now,
      actorKind: "officer",
      actorId: officer.id,
      action: "update",
      subjectKind: "feedback",
      subjectId: found.id,
      fields: ["answer"],
      reason: "Đơn vị trả lời ý kiến người dân",
    });
    await insertOutbox(trx, {
      dossierId: found.dossierId,
      eventId: null,
      kind: "feedback_answer",
      payload: {
        feedbackId: found.id,
        unitId: found.unitId,
        unitName: unit ? deps.domain.units.displayName(unit) : null,
        dossierCode: found.dossierCode,
      },
      now,
    });
    return true;
  });
  if (!answered) return fail("conflict", { message: "Ý kiến này đã được trả lời." });
  const after = await findFeedback(deps.db, found.id);
  return { ok: true, value: view(deps, after!) };
}
