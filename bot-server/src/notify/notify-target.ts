/**
 * Everything one outbox row needs to be sent: who can receive it (read fresh: consent and the CS window change) and
 * what it says (the payload's snapshot of the event first, the dossier row and the catalogue for what it lacks, so
 * every retry renders the same text and a message can be recognised in the OA conversation).
 * Batched for the relay, which only needs the recipient to choose the first queue.
 */
import type { Kysely } from "kysely";
import { STATE_LABELS_VI } from "../../../shared/dossier/lifecycle-labels.js";
import type { DossierState } from "../../../shared/data/lifecycle.js";
import type { RecipientFacts } from "../../../shared/notify/channels.js";
import {
  isNotifyKind,
  parseOutboxPayload,
  type NotifyKind,
  type OutboxPayload,
} from "../../../shared/notify/notification-kinds.js";
import type { NotificationFacts } from "../../../shared/notify/render-notification.js";
import { toVnMoment } from "../../../shared/time/vn-time.js";
import type { Domain } from "../domain.js";
import type { Database } from "../store/database.js";
import {
  readFeedbackAuthors,
  readNotifyCitizens,
  readNotifyDossiers,
  readNotifyOfficers,
  readSendRows,
  type DeliveryBrief,
  type NotifyCitizen,
  type NotifyDossier,
  type NotifyOfficer,
  type OutboxRow,
} from "../store/outbox.js";

type Db = Kysely<Database>;

type Dossier = NotifyDossier;
type Citizen = NotifyCitizen;
type Officer = NotifyOfficer;
export type { DeliveryBrief };

export interface NotifyTarget {
  row: OutboxRow;
  kind: NotifyKind;
  recipient: RecipientFacts;
  facts: NotificationFacts;
}

export interface TargetOptions {
  domain: Domain;
  /** Where the button leads: the dossier's mini-app page, the console's approval queue for a leader. */
  linkFor(kind: NotifyKind, dossierCode: string | undefined): string;
}

/** Targets of many rows (the relay choosing queues): a few batched queries. Rows of an unknown kind are left out. */
export async function loadTargets(
  db: Db,
  rows: readonly OutboxRow[],
  options: TargetOptions,
): Promise<Map<string, NotifyTarget>> {
  const parsed = rows.map((row) => ({ row, payload: parseOutboxPayload(row.payload) }));
  const dossierIds = unique(parsed.map((p) => p.row.dossier_id ?? p.payload.dossierId));
  const dossiers = await readNotifyDossiers(db, dossierIds);
  const dossierById = new Map(dossiers.map((d) => [d.id, d]));
  const citizenIds = unique(dossiers.map((d) => d.citizen_id));
  const citizens = await readNotifyCitizens(db, citizenIds);
  const citizenById = new Map(citizens.map((c) => [c.id, c]));
  const officers = await loadOfficers(db, parsed);
  const withDossier = parsed.map((p) => {
    const dossier = dossierById.get(p.row.dossier_id ?? p.payload.dossierId ?? "");
    return { ...p, dossier, citizen: dossier?.citizen_id ? citizenById.get(dossier.citizen_id) : undefined };
  });
  const authors = await loadFeedbackAuthors(db, withDossier);
  const out = new Map<string, NotifyTarget>();
  for (const { row, payload, dossier, citizen } of withDossier) {
    const t = targetOf(row, payload, dossier, authorOf(row, payload, authors) ?? citizen, officers, options);
    if (t) out.set(row.id, t);
  }
  return out;
}

export interface SendContext {
  row: OutboxRow;
  /** Undefined for a kind this version does not know. */
  target: NotifyTarget | undefined;
  deliveries: DeliveryBrief[];
}

/** Everything the send steps of these rows read, in one query (outbox rows, dossiers, citizens, earlier attempts). */
export async function loadSendContexts(
  db: Db,
  outboxIds: readonly string[],
  options: TargetOptions,
): Promise<Map<string, SendContext>> {
  const parsed = (await readSendRows(db, outboxIds)).map((r) => ({ ...r, payload: parseOutboxPayload(r.row.payload) }));
  const officers = await loadOfficers(db, parsed);
  const authors = await loadFeedbackAuthors(db, parsed);
  return new Map(
    parsed.map((p) => [
      p.row.id,
      {
        row: p.row,
        target: targetOf(
          p.row,
          p.payload,
          p.dossier,
          authorOf(p.row, p.payload, authors) ?? p.citizen,
          officers,
          options,
        ),
        deliveries: p.deliveries,
      },
    ]),
  );
}

/**
 * The answer to a feedback goes to the citizen who wrote it, read through the feedback named in the payload: a
 * complaint filed without a dossier has no applicant to go through, and the applicant on a dossier row may be
 * unknown (linked through the pre-registration only). The dossier's applicant remains the fallback for a feedback
 * whose author is gone. One extra query, only for feedback answers.
 */
async function loadFeedbackAuthors(
  db: Db,
  parsed: readonly { row: OutboxRow; payload: OutboxPayload }[],
): Promise<Map<string, Citizen>> {
  const ids = unique(parsed.map((p) => (p.row.kind === "feedback_answer" ? p.payload.feedbackId : undefined)));
  return readFeedbackAuthors(db, ids);
}

function authorOf(row: OutboxRow, payload: OutboxPayload, authors: Map<string, Citizen>): Citizen | undefined {
  return row.kind === "feedback_answer" && payload.feedbackId ? authors.get(payload.feedbackId) : undefined;
}

async function loadOfficers(
  db: Db,
  parsed: readonly { row: OutboxRow; payload: OutboxPayload }[],
): Promise<Map<string, Officer>> {
  const ids = unique(parsed.map((p) => (p.row.kind === "leader_alert" ? p.payload.recipientUserId : undefined)));
  return readNotifyOfficers(db, ids);
}

function targetOf(
  row: OutboxRow,
  payload: OutboxPayload,
  dossier: Dossier | undefined,
  citizen: Citizen | undefined,
  officers: Map<string, Officer>,
  options: TargetOptions,
): NotifyTarget | undefined {
  if (!isNotifyKind(row.kind)) return undefined;
  const recipient =
    row.kind === "leader_alert"
      ? officerRecipient(officers.get(payload.recipientUserId ?? ""))
      : citizenRecipient(citizen);
  return { row, kind: row.kind, recipient, facts: factsOf(row.kind, payload, dossier, options) };
}

function citizenRecipient(c: Citizen | undefined): RecipientFacts {
  if (!c) return {};
  return {
    ...(c.zalo_oa_user_id ? { oaUserId: c.zalo_oa_user_id } : {}),
    ...(c.oa_last_interaction_at ? { oaLastInteractionAt: c.oa_last_interaction_at } : {}),
    ...(c.zalo_user_id ? { zaloUserId: c.zalo_user_id } : {}),
    ...(c.notify_opt_in_at ? { notifyOptInAt: c.notify_opt_in_at } : {}),
    ...(c.miniapp_opened_at ? { miniAppOpenedAt: c.miniapp_opened_at } : {}),
    ...(c.phone ? { phone: c.phone } : {}),
    ...(c.phone_consent_at ? { phoneConsentAt: c.phone_consent_at } : {}),
  };
}

/** An officer's Zalo id and work phone are entered by the unit admin for alerts; Zalo itself says when the CS window is closed. */
function officerRecipient(u: Officer | undefined): RecipientFacts {
  if (!u || u.active !== 1) return {};
  return {
    ...(u.zalo_user_id ? { oaUserId: u.zalo_user_id, interactionUnknown: true } : {}),
    ...(u.phone ? { phone: u.phone, phoneConsentAt: u.created_at } : {}),
  };
}

function factsOf(
  kind: NotifyKind,
  p: OutboxPayload,
  dossier: Dossier | undefined,
  options: TargetOptions,
): NotificationFacts {
  const { domain } = options;
  const unitId = p.unitId ?? dossier?.receiving_unit_id;
  const unit = unitId ? domain.units.byId(unitId) : undefined;
  const day = dossier ? (toVnMoment(dossier.received_at)?.date ?? dossier.due_date) : p.dueDate;
  const plan = unitId && day ? domain.scheme.planAt(unitId, day) : undefined;
  const code = p.codeWithheld ? undefined : (p.dossierCode ?? dossier?.code);
  const procedureName =
    p.procedureName ?? (dossier ? domain.catalog.versionById(dossier.procedure_version_id)?.name : undefined);
  const state = p.state ?? dossier?.state;
  const track = p.track ?? dossier?.track;
  const unitName = p.unitName || (unit ? domain.units.displayName(unit) : undefined);
  const late = kind === "late_apology";
  const dueDate = late ? (p.previousDueDate ?? dossier?.original_due_date) : (p.dueDate ?? dossier?.due_date);
  const newDueDate = late ? (p.newDueDate ?? p.dueDate ?? dossier?.due_date) : undefined;
  const missing = p.missingDocuments ?? (dossier ? documentNames(dossier.missing_documents) : []);
  return {
    kind,
    ...(track === "same-day" || track === "normal" ? { track } : {}),
    ...(code ? { dossierCode: code } : {}),
    ...(procedureName ? { procedureName } : {}),
    ...(state && Object.hasOwn(STATE_LABELS_VI, state) ? { stateLabel: STATE_LABELS_VI[state as DossierState] } : {}),
    ...(unitName ? { unitName } : {}),
    ...(plan ? { officeHours: plan.officeHours } : {}),
    ...(dueDate ? { dueDate } : {}),
    ...(newDueDate ? { newDueDate } : {}),
    ...(missing.length > 0 ? { missingDocuments: missing } : {}),
    ...(p.waitingCount !== undefined ? { pendingCount: p.waitingCount } : {}),
    ...(p.dossierCodes ? { dossierCodes: p.dossierCodes } : {}),
    ...(p.officeEnd ? { approveBy: p.officeEnd } : {}),
    link: options.linkFor(kind, code),
  };
}

/** missing_documents is a JSON list of names or of objects naming a document; anything else is ignored. */
function documentNames(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v)) return [];
    return v
      .map((d: unknown) => {
        if (typeof d === "string") return d;
        if (d && typeof d === "object") {
          const o = d as Record<string, unknown>;
          const name = o.name ?? o.label ?? o.title;
          return typeof name === "string" ? name : undefined;
        }
        return undefined;
      })
      .filter((s): s is string => !!s);
  } catch {
    return [];
  }
}

function unique(values: readonly (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}
