/**
 * The printable forms of a dossier, re-printable from its page: the filled application form, Mẫu 01 (with the
 * due date and a QR to the public status page carrying a signed token), Mẫu 02 (everything missing), Mẫu 03
 * (reasons), Mẫu 04 (apology and the new date, after an extension), Mẫu 05 of 2025 (handling stopped at the
 * applicant's request), the control slip and the register entry (Mẫu 05/06 of 2018, 06/07 of 2025). Every print is an audited read.
 */
import QRCode from "qrcode";
import { EVENT_LABELS_VI } from "../../../shared/dossier/lifecycle-labels.js";
import { whereToSubmit } from "../../../shared/procedures/where-to-submit.js";
import { fail } from "../../../shared/outcomes.js";
import { applicantOf } from "../../../shared/dossier/applicant-fields.js";
import { canSeeDossier, type Officer } from "../../../shared/officers/officer.js";
import type { Deps } from "../deps.js";
import { applicationDocument, assistedWritingNote } from "../forms/application-form.js";
import {
  apologySlip,
  controlSlip,
  receiptSlip,
  refusalSlip,
  registerEntry,
  stopNotice,
  supplementSlip,
  type SlipContext,
} from "../forms/one-stop-slips.js";
import { localDateOf, type PrintDocument } from "../forms/print-document.js";
import { renderPdf } from "../forms/render-pdf.js";
import { statusLookupUrl } from "../status-token.js";
import { writeAudit } from "../store/audit.js";
import { findDossierById, listDossierEvents, type DossierEventRecord, type DossierRecord } from "../store/dossiers.js";
import { findOfficersByIds } from "../store/users.js";
import { nowOf } from "./console-context.js";
import { TRAINING_MARK } from "../../../shared/training/training.js";
import type { Checked } from "./intake-input.js";

/** "control": Phiếu kiểm soát quá trình giải quyết hồ sơ; "register": the dossier's entry of the Sổ theo dõi hồ sơ. */
export const PRINTABLE_FORMS = ["application", "01", "02", "03", "04", "05", "control", "register"] as const;
export type PrintableForm = (typeof PRINTABLE_FORMS)[number];

const RECEIVED_STATES = new Set([
  "received",
  "processing",
  "awaiting_supplement",
  "awaiting_approval",
  "approved",
  "rejected",
  "result_ready",
  "returned",
  "withdrawn",
]);

/** Which forms this dossier can print now (the console shows these buttons). */
export function printableForms(d: DossierRecord, events: readonly DossierEventRecord[]): PrintableForm[] {
  const out: PrintableForm[] = ["application"];
  if (RECEIVED_STATES.has(d.state)) out.push("01");
  if (events.some((e) => e.type === "request_supplement")) out.push("02");
  if (d.state === "refused") out.push("03");
  if (events.some((e) => e.type === "extend_due_date")) out.push("04");
  // Mẫu 05 "Thông báo dừng giải quyết hồ sơ" exists from Circular 03/2025/TT-VPCP (from 01/07/2025) only.
  if (d.state === "withdrawn" && events.some((e) => e.type === "withdraw" && localDateOf(e.at) >= "2025-07-01"))
    out.push("05");
  if (RECEIVED_STATES.has(d.state)) out.push("control", "register");
  return out;
}

export async function statusUrlOf(deps: Deps, code: string): Promise<string> {
  return statusLookupUrl(deps.config.PUBLIC_BASE_URL, deps.statusTokenSecret, code);
}

export async function printDossierForm(
  deps: Deps,
  officer: Officer,
  dossierId: string,
  form: PrintableForm,
): Promise<Checked<{ pdf: Buffer; fileName: string }>> {
  const d = await findDossierById(deps.db, dossierId);
  if (!d || !canSeeDossier(officer, d)) return fail("dossier_not_in_unit");
  const events = await listDossierEvents(deps.db, d.id);
  if (!printableForms(d, events).includes(form)) return fail("form_not_available");
  const version = deps.domain.catalog.versionById(d.procedureVersionId);
  if (!version) return fail("form_not_available");
  const unit = deps.domain.units.byId(d.receivingUnitId);
  const now = nowOf(deps);
  const officers = new Map(
    (await findOfficersByIds(deps.db, [d.typedBy ?? "", ...events.map((e) => e.actorId ?? "")].filter(Boolean))).map(
      (o) => [o.id, o],
    ),
  );
  const typist = d.typedBy ? officers.get(d.typedBy) : undefined;
  const receiver = officers.get(events.find((e) => e.type === "receive")?.actorId ?? "") ?? typist;
  const fieldIds = version.form.fields.map((f) => f.id);
  const base: SlipContext = {
    code: d.code,
    version,
    unit,
    applicant: applicantOf(fieldIds, d.formData),
    officerName: receiver?.displayName ?? officer.displayName,
    printedAt: now.iso,
    receivedAt: d.receivedAt,
  };
  let doc: PrintDocument;
  switch (form) {
    case "application":
      doc = applicationDocument({
        version,
        formData: d.formData,
        place: unit?.name ?? "",
        date: localDateOf(d.receivedAt),
        typedBy: typist?.displayName,
        checkedByCitizen: d.checkedByCitizen,
      });
      break;
    case "01": {
      const url = await statusUrlOf(deps, d.code);
      const fee = deps.domain.catalog.feeFor(
        provinceCode(deps, d.receivingUnitId),
        d.procedureCode,
        localDateOf(d.receivedAt),
      );
      doc = receiptSlip({
        ...base,
        documents: d.submittedDocuments,
        dueDate: d.originalDueDate,
        track: d.track,
        fee: fee.amountVnd === null ? "" : fee.display.replace(/\s*\(cần kiểm tra\)$/, ""),
        qr: { svg: await QRCode.toString(url, { type: "svg", margin: 0, errorCorrectionLevel: "M" }), url },
        ...(d.assistedWriting ? { assistedNote: assistedWritingNote(typist?.displayName, d.checkedByCitizen) } : {}),
      });
      break;
    }
    case "02": {
      const ev = [...events].reverse().find((e) => e.type === "request_supplement");
      const guide = officers.get(ev?.actorId ?? "");
      doc = supplementSlip({
        ...base,
        officerName: guide?.displayName ?? base.officerName,
        missing: d.missingDocuments.length > 0 ? d.missingDocuments : missingFromEvent(ev),
        reason:
          typeof ev?.data.reason === "string" && ev.data.reason ? ev.data.reason : "Hồ sơ chưa đầy đủ, chưa hợp lệ",
        lookupUrl: `${deps.config.PUBLIC_BASE_URL}/tra-cuu`,
        officerPhone: guide?.phone ?? null,
      });
      break;
    }
    case "03": {
      const ev = events.find((e) => e.type === "refuse");
      const reasons = Array.isArray(ev?.data.reasons) ? (ev.data.reasons as string[]) : [];
      doc = refusalSlip({
        ...base,
        officerName: officers.get(ev?.actorId ?? "")?.displayName ?? base.officerName,
        reasons,
      });
      break;
    }
    case "04": {
      const ev = events.find((e) => e.type === "extend_due_date")!;
      const signer = officers.get(ev.actorId ?? "");
      doc = apologySlip({
        ...base,
        originalDueDate: String(ev.data.previousDueDate ?? d.originalDueDate),
        newDueDate: String(ev.data.newDueDate ?? d.dueDate),
        reason: String(ev.data.reason ?? ""),
        signerName: signer?.role === "leader" && version.competentBody.sameBodyAsReceiving ? signer.displayName : "",
      });
      break;
    }
    case "05": {
      const ev = [...events].reverse().find((e) => e.type === "withdraw")!;
      doc = stopNotice({
        ...base,
        officerName: officers.get(ev.actorId ?? "")?.displayName ?? base.officerName,
        stoppedAt: ev.at,
        reason: typeof ev.data.reason === "string" ? ev.data.reason : "",
      });
      break;
    }
    case "control": {
      const where = whereToSubmit(version, unit);
      const receiving = where.receivingOffice;
      const hop: Record<string, [string, string]> = {
        receive: [base.applicant.name ?? "Người nộp hồ sơ", receiving],
        start_processing: [receiving, where.decidingOffice],
        submit_for_approval: ["Công chức xử lý", "Lãnh đạo phê duyệt"],
        approve: ["Lãnh đạo phê duyệt", "Công chức xử lý"],
        mark_result_ready: [where.decidingOffice, receiving],
        return_result: [receiving, base.applicant.name ?? "Người nhận kết quả"],
      };
      const steps = events
        .filter((e) => hop[e.type])
        .map((e) => ({
          from: hop[e.type]![0],
          to: hop[e.type]![1],
          at: e.at,
          note: EVENT_LABELS_VI[e.type as keyof typeof EVENT_LABELS_VI] ?? e.type,
        }));
      doc = controlSlip({ ...base, dueDate: d.dueDate, steps });
      break;
    }
    case "register": {
      const dayOf = (type: string) => {
        const e = events.find((x) => x.type === type);
        return e ? localDateOf(e.at) : null;
      };
      doc = registerEntry({
        ...base,
        dueDate: d.dueDate,
        sentToDeciding: dayOf("start_processing"),
        resultReceived: dayOf("mark_result_ready"),
        returned: dayOf("return_result"),
      });
      break;
    }
  }
  const pdf = renderPdf(d.training ? { ...doc, watermark: TRAINING_MARK } : doc);
  await writeAudit(deps.db, {
    at: now.iso,
    actorKind: "officer",
    actorId: officer.id,
    action: "export",
    subjectKind: "dossier",
    subjectId: d.id,
    fields: Object.keys(d.formData),
    reason: `In mẫu ${form === "application" ? "tờ khai" : form}`,
  });
  return { ok: true, value: { pdf, fileName: `${form === "application" ? "to-khai" : `mau-${form}`}-${d.code}.pdf` } };
}

function missingFromEvent(ev: DossierEventRecord | undefined) {
  const names = Array.isArray(ev?.data.missing) ? (ev.data.missing as string[]) : [];
  return names.map((name) => ({ name, original: 1, certifiedCopy: 0, photocopy: 0 }));
}

function provinceCode(deps: Deps, unitId: string): string {
  const unit = deps.domain.units.byId(unitId);
  return (unit && deps.domain.units.provinceOf(unit)?.code) ?? "";
}
