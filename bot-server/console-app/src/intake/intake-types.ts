/** What the intake screen holds: the unit's procedures, the live track decision, the documents checklist, the receipt. */
import type { CaseFlag, FormDefinition, RequiredDocument } from "../../../../shared/procedures/procedure-version.js";
import type { VisitIdentity } from "./applicant.js";
import type { FormValues } from "./form-fields.js";
import type { DecideReply, ReceiveReply } from "../../../../shared/console/intake.js";

export interface Procedure {
  /** Values the office fills for every citizen (e.g. "Kính gửi: Ủy ban nhân dân xã …"). */
  defaults: FormValues;
  code: string;
  name: string;
  versionId: string;
  form: FormDefinition;
  requiredDocuments: RequiredDocument[];
  caseFlags: CaseFlag[];
}
export type Decision = DecideReply;
export interface DocState {
  received: boolean;
  count: number;
  kind: string;
}
export type Result = ReceiveReply;
/** The lookup of a scanned or typed code: a pre-registration, a draft, a dossier, or a closed pre-registration. */
export interface Lookup {
  kind: string;
  procedureCode?: string;
  formData?: FormValues;
  code?: string;
  draftId?: string;
  dossierId?: string;
  dossierCode?: string;
  documents?: { id: string; received: boolean; count: number; kind: string }[];
  caseFlags?: string[];
  visitId?: string | null;
  status?: string;
}
/** A sheet in the print preview; receiveHere: the application form's sheet offers "Tiếp nhận" once the citizen has checked and signed it. */
export interface Printing {
  url: string;
  title: string;
  receiveHere?: boolean;
}
export interface Visit {
  id: string;
  identity: VisitIdentity | undefined;
}

export const APPLICATION_DOC = /^(Tờ khai|Phiếu yêu cầu|Giấy đề nghị)/i;
export const IDENTITY_DOC = /identity|cccd|can_cuoc/;

export function defaultDocuments(p: Procedure): Record<string, DocState> {
  return Object.fromEntries(
    p.requiredDocuments.map((d) => [d.id, { received: APPLICATION_DOC.test(d.name), count: d.count, kind: d.kind }]),
  );
}

export const newVisit = (): Visit => ({ id: crypto.randomUUID(), identity: undefined });

/** Move the officer to a document's checkbox (the one blocking "Tiếp nhận"). */
export function focusDocument(id: string) {
  const box = document.getElementById(`doc-${id}`);
  box?.scrollIntoView({ block: "center" });
  box?.focus();
}
