/**
 * The counter's intake outcomes (docs/domain/scheme.md#intake-outcomes-and-dossier-rules rule 1), each one transaction:
 * - save a draft (a volunteer or the officer fills in the form; "Ngày không viết");
 * - receive: the dossier code, the dossier row, its event, the outbox row and the finalised pre-registration commit
 *   together, so a code is never issued without its dossier and a notification is never lost (written by the
 *   group-committed receipt writer, store/receipts.ts);
 * - incomplete: Mẫu 02 listing everything missing at once, the dossier stays a draft to resume later;
 * - not eligible: Mẫu 03 with reasons.
 * A draft carries a provisional reference "NHAP-…"; the national-format code is assigned only on receipt.
 */
import { getRandomValues, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { applyEvent } from "../../../shared/dossier/lifecycle.js";
import { agencyCodeFor } from "../../../shared/dossier/agency-codes.js";
import { formatDossierCode } from "../../../shared/dossier/dossier-code.js";
import {
  normalizePreRegistrationCode,
  PRE_REGISTRATION_ALPHABET,
} from "../../../shared/dossier/pre-registration-code.js";
import { PRE_REGISTRATION_QR_PREFIX } from "../../../shared/api/pre-registrations.js";
import { applicantOf } from "../../../shared/dossier/applicant-fields.js";
import { fail } from "../../../shared/outcomes.js";
import type { Officer } from "../../../shared/officers/officer.js";
import type { Deps } from "../deps.js";
import { writeAudit } from "../store/audit.js";
import { findDocumentBody } from "../store/catalog.js";
import type { Database } from "../store/database.js";
import {
  appendDossierEvent,
  findDossierById,
  insertDossier,
  saveDossier,
  type DossierRecord,
  type MissingDocument,
} from "../store/dossiers.js";
import { insertOutbox } from "../store/outbox.js";
import { findPreRegistrationByCode, type PreRegistrationRecord } from "../store/pre-registrations.js";
import { StaleDossierError, type ReceiptRows } from "../store/receipts.js";
import { notificationPayload } from "./console-context.js";
import { otherUnitFailure, servesUnit } from "./pre-registration-unit.js";
import { may } from "../../../shared/officers/permissions.js";
import { isSyntheticIdNumber, SYNTHETIC_ID_PREFIX, TRAINING_CODE_PREFIX } from "../../../shared/training/training.js";
import { inTraining, trainingMismatch } from "./training.js";
import {
  checkFormData,
  intakeContext,
  missingAlways,
  refusalFlags,
  type Checked,
  type IntakeContext,
  type IntakeInput,
} from "./intake-input.js";

type Db = Kysely<Database>;

export const DRAFT_CODE_PREFIX = "NHAP-";

function draftCode(): string {
  return (
    DRAFT_CODE_PREFIX +
    [...getRandomValues(new Uint32Array(8))]
      .map((n) => PRE_REGISTRATION_ALPHABET[n % PRE_REGISTRATION_ALPHABET.length])
      .join("")
  );
}

/** A scanned "KH1:K7M-4X9-RN" or a typed code, in canonical form. */
export function readPreRegistrationCode(raw: string): string | undefined {
  const s = raw.trim();
  const r = normalizePreRegistrationCode(
    s.toUpperCase().startsWith(PRE_REGISTRATION_QR_PREFIX) ? s.slice(PRE_REGISTRATION_QR_PREFIX.length) : s,
  );
  return r.ok ? r.value : undefined;
}

async function openPreRegistration(
  deps: Deps,
  officer: Officer,
  rawCode: string | undefined,
  nowIso: string,
): Promise<Checked<PreRegistrationRecord | undefined>> {
  if (!rawCode) return { ok: true, value: undefined };
  if (inTraining(deps)) return fail("training_mode_active");
  const code = readPreRegistrationCode(rawCode);
  const found = code ? await findPreRegistrationByCode(deps.db, code) : undefined;
  if (!found) return fail("pre_registration_not_found");
  const open = (found.status === "draft" || found.status === "submitted") && found.expiresAt > nowIso;
  if (!open) return fail("pre_registration_closed");
  if (!servesUnit(officer, found.unitId)) return otherUnitFailure(deps, officer, found);
  return { ok: true, value: found };
}

/** The form, documents and flags as typed, on a new or existing draft record (not yet written). */
async function draftRecord(
  deps: Deps,
  officer: Officer,
  input: IntakeInput,
  ctx: IntakeContext,
  formData: Record<string, unknown>,
  pre: PreRegistrationRecord | undefined,
): Promise<Checked<{ record: DossierRecord; existing: boolean }>> {
  const fieldIds = ctx.version.form.fields.map((f) => f.id);
  const applicant = applicantOf(fieldIds, formData);
  // Training (docs/admin/training.md): synthetic citizens only, so no real person's number is typed into it.
  if (inTraining(deps) && applicant.idNumber && !isSyntheticIdNumber(applicant.idNumber)) {
    const idField = fieldIds.find((id) => formData[id] === applicant.idNumber) ?? "idNumber";
    return fail("invalid_body", {
      fields: [
        {
          path: `formData.${idField}`,
          message: `Đang DIỄN TẬP: chỉ dùng công dân giả lập (số định danh bắt đầu bằng ${SYNTHETIC_ID_PREFIX}). Bấm "Công dân giả lập".`,
        },
      ],
    });
  }
  const base = {
    procedureCode: ctx.version.code,
    procedureVersionId: ctx.version.id,
    planId: ctx.decision.planId ?? null,
    track: ctx.decision.track,
    trackReasons: ctx.decision.reasons,
    dueDate: ctx.decision.dueDate,
    originalDueDate: ctx.decision.dueDate,
    formData,
    submittedDocuments: ctx.documents,
    caseFlags: ctx.flags.map((f) => f.id),
    applicantName: applicant.name ?? "",
    applicantIdNumber: applicant.idNumber,
    assistedWriting: true,
    typedBy: officer.id,
    updatedAt: ctx.now.iso,
  };
  if (input.draftId) {
    const existing = await findDossierById(deps.db, input.draftId);
    if (!existing || existing.receivingUnitId !== ctx.unit.id) return fail("dossier_not_in_unit");
    const mismatch = trainingMismatch(deps, existing);
    if (mismatch) return mismatch;
    if (existing.state !== "draft") return fail("invalid_transition");
    return {
      ok: true,
      value: { record: { ...existing, ...base, visitId: input.visitId ?? existing.visitId }, existing: true },
    };
  }
  return {
    ok: true,
    value: {
      existing: false,
      record: {
        ...base,
        id: randomUUID(),
        code: draftCode(),
        preRegistrationId: pre?.id ?? null,
        citizenId: pre?.citizenId ?? null,
        visitId: input.visitId ?? null,
        receivingUnitId: ctx.unit.id,
        competentUnitId: ctx.unit.id,
        state: "draft",
        receivedAt: ctx.now.iso,
        checkedByCitizen: false,
        missingDocuments: [],
        resultReadyAt: null,
        returnedAt: null,
        returnedTo: null,
        notifyStatus: "pending",
        createdAt: ctx.now.iso,
        training: inTraining(deps),
      },
    },
  };
}

async function writeDraft(
  trx: Db,
  officer: Officer,
  rec: DossierRecord,
  existing: boolean,
  nowIso: string,
): Promise<void> {
  if (existing) {
    if (!(await saveDossier(trx, rec, "draft"))) throw new ConflictError();
  } else {
    await insertDossier(trx, rec);
    await appendDossierEvent(trx, {
      dossierId: rec.id,
      type: "edit_draft",
      fromState: null,
      toState: "draft",
      actorId: officer.id,
      actorRole: officer.role,
      at: nowIso,
      data: {},
    });
  }
  await writeAudit(trx, {
    at: nowIso,
    actorKind: "officer",
    actorId: officer.id,
    action: existing ? "update" : "create",
    subjectKind: "dossier",
    subjectId: rec.id,
    fields: Object.keys(rec.formData),
    reason: "Kê khai tại Bộ phận Một cửa",
  });
}

export class ConflictError extends Error {}

async function inTransaction<T>(deps: Deps, fn: (trx: Db) => Promise<T>): Promise<Checked<T>> {
  try {
    return { ok: true, value: await deps.db.transaction().execute(fn) };
  } catch (e) {
    if (e instanceof ConflictError) return fail("conflict");
    throw e;
  }
}

interface Prepared {
  ctx: IntakeContext;
  record: DossierRecord;
  existing: boolean;
  pre: PreRegistrationRecord | undefined;
}

async function prepare(
  deps: Deps,
  officer: Officer,
  input: IntakeInput,
  mode: "draft" | "submit",
): Promise<Checked<Prepared>> {
  const c = intakeContext(deps, officer, input);
  if (!c.ok) return c;
  const form = checkFormData(deps, c.value.version, input.formData, mode);
  if (!form.ok) return form;
  const pre = input.draftId
    ? { ok: true as const, value: undefined }
    : await openPreRegistration(deps, officer, input.preRegistrationCode, c.value.now.iso);
  if (!pre.ok) return pre;
  const draft = await draftRecord(deps, officer, input, c.value, form.value, pre.value);
  if (!draft.ok) return draft;
  return {
    ok: true,
    value: { ctx: c.value, record: draft.value.record, existing: draft.value.existing, pre: pre.value },
  };
}

/** Save what was typed so far (volunteers may do this, not receive). */
export async function saveDraft(deps: Deps, officer: Officer, input: IntakeInput): Promise<Checked<DossierRecord>> {
  if (!may(officer, "intake.save_draft")) return fail("forbidden");
  const p = await prepare(deps, officer, input, "draft");
  if (!p.ok) return p;
  const { record, existing } = p.value;
  const r = await inTransaction(deps, (trx) => writeDraft(trx, officer, record, existing, p.value.ctx.now.iso));
  return r.ok ? { ok: true, value: record } : r;
}

export interface Received {
  dossier: DossierRecord;
  /** Mẫu 01 to print now (normal track); null on the same-day track. */
  form: "01" | null;
  reasons: string[];
}

/** "Tiếp nhận": checks the lifecycle, the form in full, the documents and flags, then commits everything at once. */
export async function receiveDossier(
  deps: Deps,
  officer: Officer,
  input: IntakeInput,
  checkedByCitizen: boolean,
): Promise<Checked<Received>> {
  const p = await prepare(deps, officer, input, "submit");
  if (!p.ok) return p;
  const { ctx, record, existing, pre } = p.value;
  const t = applyEvent("draft", "receive", { role: officer.role, track: ctx.decision.track });
  if (!t.ok) return fail(t.code === "forbidden_role" ? "forbidden" : "invalid_transition", { message: t.message });
  const missing = missingAlways(ctx.version, ctx.documents);
  if (missing.length > 0) {
    return fail("documents_incomplete", {
      message: `Chưa đánh dấu đã nhận: ${missing.map((m) => m.name).join("; ")}. Đánh dấu nếu công dân đã nộp, hoặc lập Phiếu yêu cầu bổ sung (Mẫu 02) nếu còn thiếu.`,
      fields: missing.map((m) => ({ path: `documents.${m.id}`, message: `Chưa có: ${m.name}` })),
    });
  }
  const refusal = refusalFlags(ctx.flags);
  if (refusal.length > 0)
    return fail("not_eligible", { fields: refusal.map((f) => ({ path: `caseFlags.${f.id}`, message: f.label })) });

  const agency = await agencyCode(deps, ctx.unit.id);
  const yymmdd = ctx.now.date.slice(2).replace(/-/g, "");
  // A training dossier counts on its own sequence and reads "DT-…": the real codes keep no gap and cannot be met.
  const prefix = record.training ? TRAINING_CODE_PREFIX : "";
  const preId = record.preRegistrationId ?? pre?.id;
  const rows = (seq: number): ReceiptRows => {
    const received: DossierRecord = {
      ...record,
      code: prefix + formatDossierCode(agency, ctx.now.date, seq),
      state: t.to,
      receivedAt: ctx.now.iso,
      checkedByCitizen,
      missingDocuments: [],
    };
    const audit = {
      at: ctx.now.iso,
      actorKind: "officer",
      actorId: officer.id,
      subjectKind: "dossier",
      subjectId: received.id,
    } as const;
    return {
      dossier: received,
      existing,
      event: {
        type: "receive",
        fromState: "draft",
        toState: t.to,
        actorId: officer.id,
        actorRole: officer.role,
        at: ctx.now.iso,
        data: {
          code: received.code,
          track: received.track,
          dueDate: received.dueDate,
          form: t.form ?? null,
          reasons: ctx.decision.reasons,
          typedBy: officer.id,
          assistedWriting: true,
          checkedByCitizen,
          preRegistration: received.preRegistrationId !== null,
          ...(ctx.keptSameDayReason ? { keptSameDayDuringPause: ctx.keptSameDayReason } : {}),
        },
      },
      ...(t.notify
        ? {
            outbox: {
              kind: t.notify,
              payload: notificationPayload(deps, received, { form: t.form ?? null }),
              now: ctx.now.iso,
            },
          }
        : {}),
      audits: [
        {
          ...audit,
          action: existing ? "update" : "create",
          fields: Object.keys(received.formData),
          reason: "Tiếp nhận hồ sơ",
        },
        ...(ctx.keptSameDayReason
          ? [
              {
                ...audit,
                action: "update" as const,
                fields: ["track"],
                reason: `Tiếp nhận trong giờ nghỉ, giữ trả trong ngày: ${ctx.keptSameDayReason}`,
              },
            ]
          : []),
      ],
    };
  };
  let received: DossierRecord;
  try {
    received = await deps.receiptWriter.submit({
      agencyCode: prefix + agency,
      day: yymmdd,
      ...(preId
        ? {
            preRegistration: {
              id: preId,
              changes: { status: "finalised", dossierId: record.id, updatedAt: ctx.now.iso },
            },
          }
        : {}),
      rows,
    });
  } catch (e) {
    if (e instanceof StaleDossierError) return fail("conflict");
    throw e;
  }
  return { ok: true, value: { dossier: received, form: t.form === "01" ? "01" : null, reasons: ctx.decision.reasons } };
}

/** The agency code configured for the unit (catalog document), else the shipped placeholder table. */
async function agencyCode(deps: Deps, unitId: string): Promise<string> {
  const body = await findDocumentBody<{ agencyCode?: unknown }>(deps.db, "agency_code", unitId);
  if (typeof body?.agencyCode === "string") return body.agencyCode;
  return agencyCodeFor(unitId).agencyCode;
}

/** Incomplete at the counter: Mẫu 02 listing everything missing; the draft is kept to resume when the citizen returns. */
export async function requestSupplementAtIntake(
  deps: Deps,
  officer: Officer,
  input: IntakeInput,
  missing: MissingDocument[],
  reason: string,
): Promise<Checked<DossierRecord>> {
  if (missing.length === 0)
    return fail("missing_data", {
      fields: [{ path: "missingDocuments", message: "Ghi ít nhất một thành phần hồ sơ cần bổ sung" }],
    });
  const p = await prepare(deps, officer, input, "draft");
  if (!p.ok) return p;
  const { ctx, existing } = p.value;
  const t = applyEvent("draft", "request_supplement", { role: officer.role, track: ctx.decision.track });
  if (!t.ok) return fail(t.code === "forbidden_role" ? "forbidden" : "invalid_transition", { message: t.message });
  const record: DossierRecord = { ...p.value.record, missingDocuments: missing };
  const r = await inTransaction(deps, async (trx) => {
    await writeDraft(trx, officer, record, existing, ctx.now.iso);
    const event = await appendDossierEvent(trx, {
      dossierId: record.id,
      type: "request_supplement",
      fromState: "draft",
      toState: "draft",
      actorId: officer.id,
      actorRole: officer.role,
      at: ctx.now.iso,
      data: { form: "02", missing: missing.map((m) => m.name), reason },
    });
    if (t.notify) {
      await insertOutbox(trx, {
        dossierId: record.id,
        eventId: event.id,
        kind: t.notify,
        now: ctx.now.iso,
        payload: notificationPayload(deps, record, {
          missingDocuments: missing.map((m) => m.name),
          preRegistrationId: record.preRegistrationId,
        }),
      });
    }
    return record;
  });
  return r;
}

/** Not eligible or not within competence: Mẫu 03 with the reasons; the dossier ends refused. */
export async function refuseAtIntake(
  deps: Deps,
  officer: Officer,
  input: IntakeInput,
  reasons: string[],
): Promise<Checked<DossierRecord>> {
  if (reasons.length === 0)
    return fail("missing_data", { fields: [{ path: "reasons", message: "Ghi rõ lý do từ chối" }] });
  const p = await prepare(deps, officer, input, "draft");
  if (!p.ok) return p;
  const { ctx, existing } = p.value;
  const t = applyEvent("draft", "refuse", { role: officer.role, track: ctx.decision.track });
  if (!t.ok) return fail(t.code === "forbidden_role" ? "forbidden" : "invalid_transition", { message: t.message });
  const draft = p.value.record;
  const refused: DossierRecord = { ...draft, state: t.to };
  const r = await inTransaction(deps, async (trx) => {
    await writeDraft(trx, officer, draft, existing, ctx.now.iso);
    if (!(await saveDossier(trx, refused, "draft"))) throw new ConflictError();
    const event = await appendDossierEvent(trx, {
      dossierId: refused.id,
      type: "refuse",
      fromState: "draft",
      toState: t.to,
      actorId: officer.id,
      actorRole: officer.role,
      at: ctx.now.iso,
      data: { form: "03", reasons },
    });
    if (t.notify)
      await insertOutbox(trx, {
        dossierId: refused.id,
        eventId: event.id,
        kind: t.notify,
        now: ctx.now.iso,
        payload: notificationPayload(deps, refused),
      });
    return refused;
  });
  return r;
}
