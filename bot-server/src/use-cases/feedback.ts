/**
 * Citizen feedback: a rating of one of the citizen's own dossiers once its result is ready (one per dossier,
 * Decree 61/2018 art. 30), or a complaint/suggestion (phản ánh, kiến nghị) to the unit. "Không hài lòng" and
 * every complaint or suggestion stay open until the unit answers. The free text is personal data: every write
 * and read is audited (field names only) and it is never logged.
 */
import type {
  FeedbackInput,
  FeedbackReceipt,
  MyFeedback,
  MyFeedbackList,
  SatisfactionRating,
} from "../../../shared/api/feedback.js";
import {
  FEEDBACK_KIND_LABELS,
  FEEDBACK_STATUS_LABELS,
  SATISFACTION_LABELS,
  type FeedbackKind,
  type FeedbackStatus,
} from "../../../shared/api/feedback.js";
import type { FieldError } from "../../../shared/api/errors.js";
import { vnMomentFromEpoch } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";
import type { Failure, Outcome } from "../../../shared/outcomes.js";
import type { CitizenIdentity } from "../identity/citizen-auth.js";
import { writeAudit, writeAuditMany } from "../store/audit.js";
import { isUniqueViolation } from "../store/errors.js";
import {
  findOwnedDossier,
  hasRating,
  insertFeedback,
  listFeedbackOfCitizen,
  type FeedbackRecord,
  type OwnedDossier,
} from "../store/feedback.js";
import { unitRef } from "./unit-ref.js";

const RESULT_STATES = new Set(["result_ready", "returned"]);

/** Which ratings stay open for the unit to follow up. */
const STATUS_OF_RATING: Record<SatisfactionRating, FeedbackStatus> = {
  rat_hai_long: "closed",
  hai_long: "closed",
  khong_hai_long: "open",
};

interface Rule {
  field: string;
  message: string;
  detail: string;
}

/** Rules across fields, stated once in Vietnamese for people and in English for API clients. */
const RULES = {
  ratingMissing: {
    field: "rating",
    message: "Vui lòng chọn mức độ hài lòng.",
    detail: "rating is required when kind is rating.",
  },
  dossierMissing: {
    field: "dossierCode",
    message: "Vui lòng cho biết mã hồ sơ cần đánh giá.",
    detail: "dossierCode is required when kind is rating.",
  },
  ratingNotAllowed: {
    field: "rating",
    message: "Chỉ chọn mức độ hài lòng khi đánh giá một hồ sơ.",
    detail: "rating is only accepted when kind is rating.",
  },
  textMissing: {
    field: "text",
    message: "Vui lòng nhập nội dung phản ánh, kiến nghị.",
    detail: "text is required for a complaint or a suggestion.",
  },
} satisfies Record<string, Rule>;

function checkRules(input: FeedbackInput, text: string | null): Failure | undefined {
  const broken: Rule[] =
    input.kind === "rating"
      ? [...(input.rating ? [] : [RULES.ratingMissing]), ...(input.dossierCode ? [] : [RULES.dossierMissing])]
      : [...(input.rating ? [RULES.ratingNotAllowed] : []), ...(text ? [] : [RULES.textMissing])];
  if (broken.length === 0) return undefined;
  const fields: FieldError[] = broken.map((r) => ({ path: r.field, message: r.message }));
  return {
    ok: false,
    code: "invalid_body",
    fields,
    detail: `Validation failed. ${broken.map((r) => `${r.field}: ${r.detail}`).join("; ")}`,
  };
}

const nowIso = (deps: Deps) => deps.clock.now().toISOString();
const resultReady = (d: OwnedDossier) =>
  d.resultReadyAt !== null || d.returnedAt !== null || RESULT_STATES.has(d.state);

export async function sendFeedback(
  deps: Deps,
  citizen: CitizenIdentity,
  input: FeedbackInput,
): Promise<Outcome<FeedbackReceipt>> {
  const text = input.text?.trim() ? input.text.trim() : null;
  const broken = checkRules(input, text);
  if (broken) return broken;
  const now = nowIso(deps);
  const units = deps.domain.units;

  let dossier: OwnedDossier | undefined;
  let unitId: string;
  if (input.dossierCode) {
    // Another citizen's dossier, a dossier of another unit and a missing one look the same.
    dossier = await findOwnedDossier(deps.db, citizen.citizenId, input.dossierCode.trim().toUpperCase());
    if (!dossier || units.byId(dossier.receivingUnitId)?.code !== input.unitCode)
      return { ok: false, code: "dossier_not_found" };
    unitId = dossier.receivingUnitId;
  } else {
    const unit = units.findByCode(input.unitCode, vnMomentFromEpoch(Date.parse(now)).date);
    if (!unit) return { ok: false, code: "unit_not_found" };
    unitId = unit.id;
  }

  if (input.kind === "rating" && dossier) {
    if (!resultReady(dossier)) return { ok: false, code: "rating_not_ready" };
    if (await hasRating(deps.db, dossier.id, citizen.citizenId)) return { ok: false, code: "rating_already_sent" };
  }
  const status: FeedbackStatus = input.kind === "rating" && input.rating ? STATUS_OF_RATING[input.rating] : "open";
  const fields = ["kind", ...(input.rating ? ["rating"] : []), ...(text ? ["text"] : [])];
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const newId = await insertFeedback(trx, {
        dossierId: dossier?.id ?? null,
        unitId,
        citizenId: citizen.citizenId,
        kind: input.kind,
        rating: input.kind === "rating" ? (input.rating ?? null) : null,
        text,
        status,
        now,
      });
      await writeAudit(trx, {
        at: now,
        actorKind: "citizen",
        actorId: citizen.citizenId,
        action: "create",
        subjectKind: "feedback",
        subjectId: newId,
        fields,
        reason: `Người dân gửi ${FEEDBACK_KIND_LABELS[input.kind].toLowerCase()}`,
      });
      return newId;
    });
    return { ok: true, value: { id, createdAt: now } };
  } catch (e) {
    // Two taps racing past the check above: the unique index keeps one rating.
    if (input.kind === "rating" && isUniqueViolation(e, { table: "feedback" }))
      return { ok: false, code: "rating_already_sent" };
    throw e;
  }
}

export async function listMyFeedback(deps: Deps, citizen: CitizenIdentity): Promise<Outcome<MyFeedbackList>> {
  const records = await listFeedbackOfCitizen(deps.db, citizen.citizenId);
  const now = nowIso(deps);
  await writeAuditMany(
    deps.db,
    records
      .filter((r) => r.text !== null || r.answer !== null)
      .map((r) => ({
        at: now,
        actorKind: "citizen" as const,
        actorId: citizen.citizenId,
        action: "read" as const,
        subjectKind: "feedback" as const,
        subjectId: r.id,
        fields: [...(r.text !== null ? ["text"] : []), ...(r.answer !== null ? ["answer"] : [])],
        reason: "Người dân xem ý kiến của mình",
      })),
  );
  return { ok: true, value: { items: records.map((r) => myFeedback(deps, r)) } };
}

function myFeedback(deps: Deps, r: FeedbackRecord): MyFeedback {
  const unit = deps.domain.units.byId(r.unitId);
  const kind = r.kind as FeedbackKind;
  const rating = (r.rating as SatisfactionRating | null) ?? null;
  const status = r.status as FeedbackStatus;
  return {
    id: r.id,
    kind,
    kindLabel: FEEDBACK_KIND_LABELS[kind] ?? r.kind,
    rating,
    ratingLabel: rating ? (SATISFACTION_LABELS[rating] ?? rating) : null,
    text: r.text,
    unit: unit ? unitRef(deps.domain.units, unit) : null,
    dossierCode: r.dossierCode,
    status,
    statusLabel: FEEDBACK_STATUS_LABELS[status] ?? r.status,
    createdAt: r.createdAt,
    answer: r.answer !== null && r.answeredAt !== null ? { text: r.answer, answeredAt: r.answeredAt } : null,
  };
}
