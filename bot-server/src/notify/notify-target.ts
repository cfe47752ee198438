/**
 * Everything one outbox row needs to be sent: who can receive it (read fresh: consent and the CS window change) and
 * what it says (the payload's snapshot of the event first, the dossier row and the catalogue for what it lacks, so
 * every retry renders the same text and a message can be recognised in the OA conversation).
 * Batched for the relay, which only needs the recipient to choose the first queue.
 */
import type { Kysely, Selectable } from "kysely";
import { STATE_LABELS_VI } from "../../../shared/dossier/lifecycle-labels.js";
import type { DossierState } from "../../../shared/data/lifecycle.js";
import type { RecipientFacts } from "../../../shared/notify/channels.js";
import { isNotifyKind, parseOutboxPayload, type NotifyKind, type OutboxPayload } from "../../../shared/notify/notification-kinds.js";
import type { NotificationFacts } from "../../../shared/notify/render-notification.js";
import { toVnMoment } from "../../../shared/time/vn-time.js";
import type { Domain } from "../domain.js";
import type { CitizenTable, Database, DeliveryTable, DossierTable, UserTable } from "../store/database.js";
import type { OutboxRow } from "./notify-store.js";

type Db = Kysely<Database>;

/** Only what a notification needs: never the applicant's name, ID number or form data. */
const DOSSIER_COLUMNS = [
  "id", "code", "citizen_id", "receiving_unit_id", "procedure_version_id", "track", "state", "received_at", "due_date",
  "original_due_date", "missing_documents",
] as const;
const CITIZEN_COLUMNS = [
  "id", "zalo_oa_user_id", "oa_last_interaction_at", "zalo_user_id", "notify_opt_in_at", "phone", "phone_consent_at", "miniapp_opened_at",
] as const;
type Dossier = Pick<Selectable<DossierTable>, (typeof DOSSIER_COLUMNS)[number]>;
type Citizen = Pick<Selectable<CitizenTable>, (typeof CITIZEN_COLUMNS)[number]>;
type Officer = Pick<Selectable<UserTable>, "id" | "zalo_user_id" | "phone" | "created_at" | "active">;
export type DeliveryBrief = Pick<Selectable<DeliveryTable>, "id" | "channel" | "attempt" | "status" | "at">;

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
export async function loadTargets(db: Db, rows: readonly OutboxRow[], options: TargetOptions): Promise<Map<string, NotifyTarget>> {
  const parsed = rows.map((row) => ({ row, payload: parseOutboxPayload(row.payload) }));
  const dossierIds = unique(parsed.map((p) => p.row.dossier_id ?? p.payload.dossierId));
  const dossiers = dossierIds.length ? await db.selectFrom("dossiers").select(DOSSIER_COLUMNS).where("id", "in", dossierIds).execute() : [];
  const dossierById = new Map(dossiers.map((d) => [d.id, d]));
  const citizenIds = unique(dossiers.map((d) => d.citizen_id));
  const citizens = citizenIds.length ? await db.selectFrom("citizens").select(CITIZEN_COLUMNS).where("id", "in", citizenIds).execute() : [];
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
export async function loadSendContexts(db: Db, outboxIds: readonly string[], options: TargetOptions): Promise<Map<string, SendContext>> {
  const rows = await db
    .selectFrom("outbox")
    .leftJoin("dossiers", "dossiers.id", "outbox.dossier_id")
    .leftJoin("citizens", "citizens.id", "dossiers.citizen_id")
    .leftJoin("deliveries", "deliveries.outbox_id", "outbox.id")
    .selectAll("outbox")
    .select([
      "dossiers.id as d_id", "dossiers.code as d_code", "dossiers.citizen_id as d_citizen_id", "dossiers.receiving_unit_id as d_receiving_unit_id",
      "dossiers.procedure_version_id as d_procedure_version_id", "dossiers.track as d_track", "dossiers.state as d_state",
      "dossiers.received_at as d_received_at", "dossiers.due_date as d_due_date", "dossiers.original_due_date as d_original_due_date",
      "dossiers.missing_documents as d_missing_documents",
      "citizens.id as c_id", "citizens.zalo_oa_user_id as c_zalo_oa_user_id", "citizens.oa_last_interaction_at as c_oa_last_interaction_at",
      "citizens.zalo_user_id as c_zalo_user_id", "citizens.notify_opt_in_at as c_notify_opt_in_at", "citizens.phone as c_phone",
      "citizens.phone_consent_at as c_phone_consent_at", "citizens.miniapp_opened_at as c_miniapp_opened_at",
      "deliveries.id as dl_id", "deliveries.channel as dl_channel", "deliveries.attempt as dl_attempt", "deliveries.status as dl_status",
      "deliveries.at as dl_at",
    ])
    .where("outbox.id", "in", [...outboxIds])
    .execute();
  const byOutbox = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byOutbox.get(r.id) ?? [];
    list.push(r);
    byOutbox.set(r.id, list);
  }
  const parsed = [...byOutbox.values()].map((group) => {
    const first = group[0]!;
    const row: OutboxRow = {
      id: first.id, dossier_id: first.dossier_id, event_id: first.event_id, kind: first.kind, payload: first.payload, status: first.status,
      attempts: first.attempts, available_at: first.available_at, created_at: first.created_at, updated_at: first.updated_at, last_error: first.last_error,
    };
    const dossier: Dossier | undefined = first.d_id === null
      ? undefined
      : {
        id: first.d_id, code: first.d_code!, citizen_id: first.d_citizen_id, receiving_unit_id: first.d_receiving_unit_id!,
        procedure_version_id: first.d_procedure_version_id!, track: first.d_track!, state: first.d_state!, received_at: first.d_received_at!,
        due_date: first.d_due_date!, original_due_date: first.d_original_due_date!, missing_documents: first.d_missing_documents!,
      };
    const citizen: Citizen | undefined = first.c_id === null
      ? undefined
      : {
        id: first.c_id, zalo_oa_user_id: first.c_zalo_oa_user_id, oa_last_interaction_at: first.c_oa_last_interaction_at,
        zalo_user_id: first.c_zalo_user_id, notify_opt_in_at: first.c_notify_opt_in_at, phone: first.c_phone, phone_consent_at: first.c_phone_consent_at,
        miniapp_opened_at: first.c_miniapp_opened_at,
      };
    const deliveries = group
      .filter((r) => r.dl_id !== null)
      .map((r) => ({ id: r.dl_id!, channel: r.dl_channel!, attempt: r.dl_attempt!, status: r.dl_status!, at: r.dl_at! }))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.attempt - b.attempt));
    return { row, payload: parseOutboxPayload(row.payload), dossier, citizen, deliveries };
  });
  const officers = await loadOfficers(db, parsed);
  const authors = await loadFeedbackAuthors(db, parsed);
  return new Map(
    parsed.map((p) => [
      p.row.id,
      { row: p.row, target: targetOf(p.row, p.payload, p.dossier, authorOf(p.row, p.payload, authors) ?? p.citizen, officers, options), deliveries: p.deliveries },
    ]),
  );
}

/**
 * The answer to a feedback goes to the citizen who wrote it, read through the feedback named in the payload: a
 * complaint filed without a dossier has no applicant to go through, and the applicant on a dossier row may be
 * unknown (linked through the pre-registration only). The dossier's applicant remains the fallback for a feedback
 * whose author is gone. One extra query, only for feedback answers.
 */
async function loadFeedbackAuthors(db: Db, parsed: readonly { row: OutboxRow; payload: OutboxPayload }[]): Promise<Map<string, Citizen>> {
  const ids = unique(parsed.map((p) => (p.row.kind === "feedback_answer" ? p.payload.feedbackId : undefined)));
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("feedback")
    .innerJoin("citizens", "citizens.id", "feedback.citizen_id")
    .select([
      "feedback.id as feedback_id", "citizens.id", "citizens.zalo_oa_user_id", "citizens.oa_last_interaction_at", "citizens.zalo_user_id",
      "citizens.notify_opt_in_at", "citizens.phone", "citizens.phone_consent_at", "citizens.miniapp_opened_at",
    ])
    .where("feedback.id", "in", ids)
    .execute();
  return new Map(rows.map(({ feedback_id, ...citizen }) => [feedback_id, citizen]));
}

function authorOf(row: OutboxRow, payload: OutboxPayload, authors: Map<string, Citizen>): Citizen | undefined {
  return row.kind === "feedback_answer" && payload.feedbackId ? authors.get(payload.feedbackId) : undefined;
}

async function loadOfficers(db: Db, parsed: readonly { row: OutboxRow; payload: OutboxPayload }[]): Promise<Map<string, Officer>> {
  const ids = unique(parsed.map((p) => (p.row.kind === "leader_alert" ? p.payload.recipientUserId : undefined)));
  if (ids.length === 0) return new Map();
  const users = await db.selectFrom("users").select(["id", "zalo_user_id", "phone", "created_at", "active"]).where("id", "in", ids).execute();
  return new Map(users.map((u) => [u.id, u]));
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
  const recipient = row.kind === "leader_alert" ? officerRecipient(officers.get(payload.recipientUserId ?? "")) : citizenRecipient(citizen);
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

function factsOf(kind: NotifyKind, p: OutboxPayload, dossier: Dossier | undefined, options: TargetOptions): NotificationFacts {
  const { domain } = options;
  const unitId = p.unitId ?? dossier?.receiving_unit_id;
  const unit = unitId ? domain.units.byId(unitId) : undefined;
  const day = dossier ? (toVnMoment(dossier.received_at)?.date ?? dossier.due_date) : p.dueDate;
  const plan = unitId && day ? domain.scheme.planAt(unitId, day) : undefined;
  const code = p.codeWithheld ? undefined : (p.dossierCode ?? dossier?.code);
  const procedureName = p.procedureName ?? (dossier ? domain.catalog.versionById(dossier.procedure_version_id)?.name : undefined);
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
