/** The ticket kept on the device: everything the counter visit needs, readable without a network. */
import type { PreRegistration, PreRegistrationSummary, ProcedureDetail, SchemeStatus } from "../api/types.js";
import { capitalize, formatDayLong, formatInstantDate } from "../format.js";
import type { SavedTicket } from "./device-store.js";

/** The declaration itself is printed by the officer from the pre-entry ("Ngày không viết"): never something to bring. */
const DECLARATION = /^(Tờ khai|Phiếu yêu cầu|Giấy đề nghị)/i;

/** The documents to bring: the ones always required, with count and original/copy, without the declaration. */
export function whatToBring(procedure: Pick<ProcedureDetail, "requiredDocuments">): string[] {
  return procedure.requiredDocuments
    .filter((d) => d.always && !DECLARATION.test(d.name))
    .map((d) => `${d.name} (${d.kindLabel.toLowerCase()}${d.count > 1 ? `, ${d.count} bản` : ""})`);
}

/** When to come: the scheme day that gives a same-day result, or simply office hours. */
export function whenToCome(scheme: SchemeStatus | undefined): string {
  if (!scheme) return "Trong giờ hành chính";
  const hours = scheme.officeHours.map((h) => `${h.start}–${h.end}`).join(", ");
  // Intake runs "đến 15 giờ" inclusive. The ticket is read on later days too: name the date, never "Hôm nay".
  const cutoff = scheme.intakeCutoff ? `, đến ${scheme.intakeCutoff},` : "";
  if (scheme.intakeState === "paused" && scheme.resumesAt)
    return `${formatDayLong(scheme.date)}, từ ${scheme.resumesAt}${cutoff} để nhận kết quả trong ngày`;
  if (scheme.schemeDay && scheme.intakeOpen) return `${formatDayLong(scheme.date)}${cutoff} để nhận kết quả trong ngày`;
  if (scheme.nextSchemeDay)
    return `${formatDayLong(scheme.nextSchemeDay)}${cutoff} để nhận kết quả trong ngày${hours ? ` (giờ tiếp nhận ${hours})` : ""}`;
  return hours ? `Giờ tiếp nhận: ${hours}` : "Trong giờ hành chính";
}

export function ticketFrom(
  pre: PreRegistration | PreRegistrationSummary,
  extra: {
    procedure?: Pick<ProcedureDetail, "requiredDocuments">;
    scheme?: SchemeStatus;
    qrSvg?: string;
    previous?: SavedTicket;
  },
  now: Date,
): SavedTicket {
  const prev = extra.previous;
  return {
    id: pre.id,
    code: pre.code,
    unitCode: pre.unit.code,
    unitName: capitalize(pre.unit.displayName),
    procedureCode: pre.procedure.code,
    procedureName: pre.procedure.name,
    qrPayload: pre.qr.payload,
    qrSvg: extra.qrSvg ?? prev?.qrSvg,
    whatToBring: extra.procedure ? whatToBring(extra.procedure) : (prev?.whatToBring ?? []),
    where: `Bộ phận Một cửa, Ủy ban nhân dân ${pre.unit.displayName}`,
    when: extra.scheme ? whenToCome(extra.scheme) : (prev?.when ?? "Trong giờ hành chính"),
    expiresAt: pre.expiresAt,
    savedAt: now.toISOString(),
    status: pre.status,
    statusLabel: pre.statusLabel,
    dossierCode: pre.dossier?.code ?? prev?.dossierCode,
  };
}

export function expiryText(t: Pick<SavedTicket, "expiresAt">): string {
  return `Phiếu có giá trị đến ngày ${formatInstantDate(t.expiresAt)}.`;
}
