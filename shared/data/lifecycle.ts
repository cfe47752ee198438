/**
 * The dossier lifecycle as data: one row per (event, from-states). `applyEvent` and `availableEvents`
 * (shared/dossier/lifecycle.ts) read these rows; the console's buttons and the chatbot's wording come from them.
 * Rules from docs/domain/scheme.md#intake-outcomes-and-dossier-rules (Decree 61/2018 as recalled [U]; to be checked against Decree 118/2025 and
 * Circular 03/2025/TT-VPCP).
 *
 * Late handling is an event plus the dossier's new due date, not a state: a late dossier keeps moving through
 * processing and approval, and lateness itself is measured from dates (dueDate vs. originalDueDate, returnedAt).
 */
import type { OneStopFormCode } from "./one-stop-forms.js";

export const DOSSIER_STATES = [
  "draft",
  "received",
  "processing",
  "awaiting_supplement",
  "awaiting_approval",
  "approved",
  "rejected",
  "result_ready",
  "returned",
  "refused",
  "withdrawn",
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

/** The legal clock (working days to the due date) in each state. */
export type DeadlineClock = "not_started" | "running" | "stopped" | "ended";

export const STATE_TABLE: Record<DossierState, { clock: DeadlineClock; terminal: boolean }> = {
  draft: { clock: "not_started", terminal: false },
  received: { clock: "running", terminal: false },
  processing: { clock: "running", terminal: false },
  // docs/domain/scheme.md#intake-outcomes-and-dossier-rules rule 5: the clock stops while waiting for the applicant.
  awaiting_supplement: { clock: "stopped", terminal: false },
  awaiting_approval: { clock: "running", terminal: false },
  approved: { clock: "running", terminal: false },
  rejected: { clock: "running", terminal: false },
  result_ready: { clock: "ended", terminal: false },
  returned: { clock: "ended", terminal: true },
  refused: { clock: "not_started", terminal: true },
  withdrawn: { clock: "ended", terminal: true },
};

/**
 * Who acts. A deputy acting for an absent leader (ủy quyền) is resolved by the server into "leader" before a
 * transition is checked; province_viewer, unit_admin and province_admin appear in no row (read-only / administration only).
 * "system" stands for the citizen's own actions through the mini app or chatbot and for scheduled jobs.
 */
export const ROLES = [
  "counter_officer",
  "processing_officer",
  "leader",
  "unit_admin",
  "province_viewer",
  "province_admin",
  "volunteer",
  "system",
] as const;
export type Role = (typeof ROLES)[number];

/** "same-day" = Ngày không hẹn (received, decided and returned the same working day); "normal" otherwise. */
export const DOSSIER_TRACKS = ["normal", "same-day"] as const;
export type DossierTrack = (typeof DOSSIER_TRACKS)[number];

export type NotificationKind =
  "receipt_issued" | "supplement_requested" | "result_ready" | "late_apology" | "returned" | "refused";

export const DOSSIER_EVENTS = [
  "edit_draft",
  "receive",
  "request_supplement",
  "refuse",
  "cancel_draft",
  "start_processing",
  "submit_supplement",
  "submit_for_approval",
  "send_back",
  "approve",
  "reject",
  "mark_result_ready",
  "return_result",
  "withdraw",
  "extend_due_date",
  "issue_receipt",
] as const;
export type DossierEvent = (typeof DOSSIER_EVENTS)[number];

export interface TransitionRow {
  event: DossierEvent;
  from: readonly DossierState[];
  /** "unchanged": the event records a document or a new date without moving the dossier. */
  to: DossierState | "unchanged";
  roles: readonly Role[];
  form?: OneStopFormCode;
  /** Per-track override of `form`; null = no form on that track. */
  formByTrack?: Partial<Record<DossierTrack, OneStopFormCode | null>>;
  /** The event exists only on these tracks (all tracks when absent). */
  tracks?: readonly DossierTrack[];
  notify?: NotificationKind;
  /** Data the server must collect with the event. */
  requires?: readonly string[];
  /** At most once per dossier. */
  once?: boolean;
  /** Legal basis of a rule the row encodes, with its evidence mark. */
  source?: string;
  toVerify?: boolean;
}

const RUNNING: readonly DossierState[] = ["received", "processing", "awaiting_approval", "approved", "rejected"];

export const DOSSIER_TRANSITIONS: readonly TransitionRow[] = [
  { event: "edit_draft", from: ["draft"], to: "unchanged", roles: ["volunteer", "counter_officer", "system"] },
  {
    event: "receive",
    from: ["draft"],
    to: "received",
    roles: ["counter_officer"],
    form: "01",
    // Resolved and returned right after intake: no Mẫu 01 unless the applicant asks (see issue_receipt).
    formByTrack: { "same-day": null },
    notify: "receipt_issued",
    source: "docs/domain/scheme.md#intake-outcomes-and-dossier-rules rule 1 (Decree 61/2018) [U]",
    toVerify: true,
  },
  // Incomplete at the counter: guidance listing everything missing at once; nothing is received yet.
  {
    event: "request_supplement",
    from: ["draft"],
    to: "unchanged",
    roles: ["counter_officer"],
    form: "02",
    notify: "supplement_requested",
    requires: ["missingDocuments"],
  },
  {
    event: "refuse",
    from: ["draft"],
    to: "refused",
    roles: ["counter_officer"],
    form: "03",
    notify: "refused",
    requires: ["reason"],
  },
  { event: "cancel_draft", from: ["draft"], to: "withdrawn", roles: ["counter_officer", "system"] },
  { event: "start_processing", from: ["received"], to: "processing", roles: ["counter_officer", "processing_officer"] },
  {
    event: "request_supplement",
    from: ["received", "processing"],
    to: "awaiting_supplement",
    roles: ["counter_officer", "processing_officer"],
    form: "02",
    notify: "supplement_requested",
    requires: ["missingDocuments", "reason"],
    source: "docs/domain/scheme.md#intake-outcomes-and-dossier-rules rule 5 [U]",
    toVerify: true,
  },
  // The original dossier code continues on resubmission (docs/domain/scheme.md#intake-outcomes-and-dossier-rules rule 5).
  { event: "submit_supplement", from: ["awaiting_supplement"], to: "processing", roles: ["counter_officer", "system"] },
  { event: "submit_for_approval", from: ["processing"], to: "awaiting_approval", roles: ["processing_officer"] },
  { event: "send_back", from: ["awaiting_approval"], to: "processing", roles: ["leader"], requires: ["reason"] },
  { event: "approve", from: ["awaiting_approval"], to: "approved", roles: ["leader"] },
  { event: "reject", from: ["awaiting_approval"], to: "rejected", roles: ["leader"], requires: ["reason"] },
  {
    event: "mark_result_ready",
    from: ["approved", "rejected"],
    to: "result_ready",
    roles: ["processing_officer", "counter_officer"],
    notify: "result_ready",
  },
  { event: "return_result", from: ["result_ready"], to: "returned", roles: ["counter_officer"], notify: "returned" },
  {
    event: "withdraw",
    from: ["received", "processing", "awaiting_supplement", "awaiting_approval"],
    to: "withdrawn",
    roles: ["counter_officer", "system"],
    form: "05",
    requires: ["reason"],
    source:
      "Decree 118/2025, Circular 03/2025 Mẫu 05 (docs/domain/scheme.md#intake-outcomes-and-dossier-rules rule 5) [S]",
    toVerify: true,
  },
  {
    event: "extend_due_date",
    from: RUNNING,
    to: "unchanged",
    roles: ["processing_officer", "leader"],
    form: "04",
    notify: "late_apology",
    requires: ["reason", "newDueDate"],
    // Decree 61/2018: sent at least 1 working day before the due date; a new date may be set only once.
    once: true,
    source: "docs/domain/scheme.md#intake-outcomes-and-dossier-rules rule 4 (Decree 61/2018) [U]",
    toVerify: true,
  },
  {
    event: "issue_receipt",
    from: [...RUNNING, "result_ready"],
    to: "unchanged",
    roles: ["counter_officer"],
    form: "01",
    tracks: ["same-day"],
    source: "docs/domain/scheme.md#intake-outcomes-and-dossier-rules rule 1: Mẫu 01 on the applicant's request [U]",
    toVerify: true,
  },
];
