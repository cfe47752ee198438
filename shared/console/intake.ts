/**
 * The counter's intake contract (/console/api/intake/*, /console/api/procedures): what the officer sends while
 * filling the forms for the citizen, and what the server answers. Server and console app import these schemas.
 */
import { z } from "zod";
import { DOSSIER_EVENTS } from "../data/lifecycle.js";
import { isIsoDate } from "../time/vn-time.js";

const nfc = (s: string) => s.normalize("NFC").trim();
const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.normalize("NFC").trim());

export const IntakeDocument = z.object({
  id: z.string().min(1).max(64),
  count: z.number().int().min(0).max(99),
  kind: z.string().max(40).optional(),
  received: z.boolean(),
});

export const IntakeInput = z.object({
  draftId: z.string().uuid().optional(),
  preRegistrationCode: z.string().max(40).optional(),
  visitId: z.string().max(64).optional(),
  procedureCode: z.string().regex(/^\d\.\d{6}$/, "Mã thủ tục có dạng 1.004873"),
  formData: z.record(z.string(), z.unknown()).default({}),
  documents: z.array(IntakeDocument).max(60).default([]),
  caseFlags: z.array(z.string().max(64)).max(30).default([]),
  /** Received during a pause of a scheme day: the officer keeps the same-day track and says why (audited). */
  keepSameDayReason: z.string().trim().min(3, "Ghi lý do giữ trả trong ngày (ít nhất 3 ký tự)").max(500).optional(),
});
export type IntakeInput = z.infer<typeof IntakeInput>;

export const MissingDocumentInput = z.object({
  name: z.string().min(1).max(300).transform(nfc),
  original: z.number().int().min(0).max(99).default(0),
  certifiedCopy: z.number().int().min(0).max(99).default(0),
  photocopy: z.number().int().min(0).max(99).default(0),
  note: z.string().max(300).transform(nfc).optional(),
});
export type MissingDocumentInput = z.infer<typeof MissingDocumentInput>;

export const SupplementBody = IntakeInput.extend({
  missingDocuments: z.array(MissingDocumentInput).max(30),
  reason: z.string().max(1000).default(""),
});
export const RefuseBody = IntakeInput.extend({ reasons: z.array(z.string().min(1).max(1000)).max(20) });
/** A scanned or typed code: a pre-registration (KH1:… or K7M-4X9-RN), a draft reference (NHAP-…) or a dossier code. */
export const LookupBody = z.object({ code: z.string().min(1).max(1000) });
/** citizenPresent: the officer confirms the citizen stands at the counter and asks to file here. */
export const ReaddressBody = z.object({ code: z.string().min(1).max(100), citizenPresent: z.literal(true) });
export const DiscardDraftBody = z.object({
  reason: z.string().trim().min(3, "Ghi lý do bỏ bản nháp (ít nhất 3 ký tự)").max(500),
});

export const EventInput = z.object({
  event: z.enum(DOSSIER_EVENTS),
  reason: text(1000).optional(),
  missingDocuments: z.array(MissingDocumentInput).max(30).optional(),
  newDueDate: z.string().refine(isIsoDate, "Ngày hẹn mới không hợp lệ").optional(),
  returnedTo: text(200).optional(),
});
export type EventInput = z.infer<typeof EventInput>;

const FormData = z.record(z.string(), z.unknown());
const SubmittedDocument = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  count: z.number(),
  received: z.boolean(),
});

/** What a looked-up code is: a closed or open pre-registration, a counter draft to resume, or a received dossier. */
export const LookupReply = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("closed"),
    status: z.string(),
    dossierId: z.string().optional(),
    dossierCode: z.string().optional(),
  }),
  z.object({
    kind: z.literal("pre_registration"),
    code: z.string(),
    status: z.string(),
    procedureCode: z.string(),
    formData: FormData,
    sameUnit: z.literal(true),
  }),
  z.object({
    kind: z.literal("draft"),
    draftId: z.string(),
    code: z.string(),
    procedureCode: z.string(),
    formData: FormData,
    documents: z.array(SubmittedDocument),
    caseFlags: z.array(z.string()),
    visitId: z.string().nullable(),
    missingDocuments: z.array(z.unknown()),
  }),
  z.object({ kind: z.literal("dossier"), dossierId: z.string(), dossierCode: z.string() }),
]);
export type LookupReply = z.infer<typeof LookupReply>;

export const ReaddressReply = z.object({ code: z.string(), unitName: z.string() });

export const DecideReply = z.object({
  pause: z.object({ resumesAt: z.string(), sentence: z.string() }).nullable(),
  keptSameDay: z.boolean(),
  track: z.enum(["same-day", "normal"]),
  dueDate: z.string(),
  reasons: z.array(z.string()),
  causes: z.array(z.string()),
  planLabel: z.string().nullable(),
  planStatus: z.string().nullable(),
  dueDateExplanation: z.string().nullable(),
  missingDocuments: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type DecideReply = z.infer<typeof DecideReply>;

export const DraftReply = z.object({ draftId: z.string(), code: z.string() });
export type DraftReply = z.infer<typeof DraftReply>;
export const DiscardReply = z.object({ code: z.string() });
export const SupplementReply = z.object({ draftId: z.string(), code: z.string(), form: z.literal("02") });
export const RefuseReply = z.object({ dossierId: z.string(), code: z.string(), form: z.literal("03") });

export const ReceiveReply = z.object({
  dossierId: z.string(),
  code: z.string(),
  track: z.enum(["same-day", "normal"]),
  dueDate: z.string(),
  reasons: z.array(z.string()),
  form: z.string().nullable(),
  checkedByCitizen: z.boolean(),
  statusUrl: z.string().nullable(),
});
export type ReceiveReply = z.infer<typeof ReceiveReply>;
