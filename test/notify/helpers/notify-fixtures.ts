/**
 * Applicants, dossiers and outbox rows as the counter writes them (use-cases/console-context.ts notificationPayload:
 * ids, code, procedure, state, track, due date, unit; never names or ID numbers). Synthetic data only.
 * Bursts are written with multi-row inserts so a 1,000-event test spends its time in the pipeline, not in setup.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../../bot-server/src/store/database.js";

type Db = Kysely<Database>;

export const DEMO_UNIT_ID = "24631@2025-07-01"; // xã Quảng Khê (Lâm Đồng), seeded by buildDeps
export const DEMO_VERSION_ID = "1.004873@2025-07-01";

export interface ApplicantReach {
  oaUserId?: string;
  interactedAt?: string;
  zaloUserId?: string;
  optInAt?: string;
  /** Last Mini App use; by default the opt-in time (the opt-in happens in the app). */
  openedAt?: string;
  phone?: string;
  phoneConsentAt?: string;
}

export interface EventSpec {
  kind?: string;
  code: string;
  reach: ApplicantReach;
  track?: "same-day" | "normal";
  state?: string;
  dueDate?: string;
  payload?: Record<string, unknown>;
  at?: string;
  /** When the row becomes due (default `at`): a burst can be written first and fall due at one instant. */
  availableAt?: string;
}

export interface SeededEvent {
  outboxId: string;
  dossierId: string;
  citizenId: string;
}

const CHUNK = 200;

/** One citizen, one dossier and one outbox row per spec, committed together like the counter does. */
export async function insertEvents(db: Db, specs: readonly EventSpec[]): Promise<SeededEvent[]> {
  const out: SeededEvent[] = [];
  for (let i = 0; i < specs.length; i += CHUNK) {
    const part = specs.slice(i, i + CHUNK);
    const ids = part.map(() => ({ outboxId: randomUUID(), dossierId: randomUUID(), citizenId: randomUUID() }));
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto("citizens")
        .values(part.map((s, j) => citizenRow(ids[j]!.citizenId, s)))
        .execute();
      await tx
        .insertInto("dossiers")
        .values(part.map((s, j) => dossierRow(ids[j]!.dossierId, ids[j]!.citizenId, s)))
        .execute();
      await tx
        .insertInto("outbox")
        .values(part.map((s, j) => outboxRow(ids[j]!.outboxId, ids[j]!.dossierId, s)))
        .execute();
    });
    out.push(...ids);
  }
  return out;
}

/** An applicant alone (the counter's own code then writes the dossier and its outbox rows). */
export async function insertApplicant(db: Db, reach: ApplicantReach): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("citizens")
    .values(citizenRow(id, { code: "", reach }))
    .execute();
  return id;
}

export function nowIso(): string {
  return new Date().toISOString();
}

function citizenRow(id: string, s: EventSpec) {
  const at = s.at ?? nowIso();
  return {
    id,
    zalo_user_id: s.reach.zaloUserId ?? null,
    zalo_oa_user_id: s.reach.oaUserId ?? null,
    device_token_hash: null,
    display_name: null,
    phone: s.reach.phone ?? null,
    phone_consent_at: s.reach.phoneConsentAt ?? null,
    notify_opt_in_at: s.reach.optInAt ?? null,
    miniapp_opened_at: s.reach.openedAt ?? s.reach.optInAt ?? null,
    oa_followed: s.reach.oaUserId ? 1 : 0,
    oa_last_interaction_at: s.reach.interactedAt ?? null,
    created_at: at,
    updated_at: at,
  };
}

function dossierRow(id: string, citizenId: string, s: EventSpec) {
  const at = s.at ?? nowIso();
  const due = s.dueDate ?? at.slice(0, 10);
  return {
    id,
    code: s.code,
    pre_registration_id: null,
    citizen_id: citizenId,
    visit_id: null,
    receiving_unit_id: DEMO_UNIT_ID,
    competent_unit_id: DEMO_UNIT_ID,
    procedure_code: "1.004873",
    procedure_version_id: DEMO_VERSION_ID,
    plan_id: "lam-dong-2025-demo",
    track: s.track ?? "same-day",
    track_reasons: "[]",
    state: s.state ?? "result_ready",
    received_at: at,
    due_date: due,
    original_due_date: due,
    assisted_writing: 1,
    typed_by: null,
    checked_by_citizen: 1,
    applicant_name: "Nguyễn Văn Thử",
    applicant_id_number: "067085000001",
    form_data: "{}",
    submitted_documents: "[]",
    case_flags: "[]",
    missing_documents: "[]",
    result_ready_at: at,
    returned_at: null,
    returned_to: null,
    notify_status: "pending",
    created_at: at,
    updated_at: at,
  };
}

function outboxRow(id: string, dossierId: string, s: EventSpec) {
  const at = s.at ?? nowIso();
  const payload = {
    dossierId,
    dossierCode: s.code,
    procedureCode: "1.004873",
    procedureName: "Cấp Giấy xác nhận tình trạng hôn nhân",
    state: s.state ?? "result_ready",
    track: s.track ?? "same-day",
    dueDate: s.dueDate ?? at.slice(0, 10),
    unitId: DEMO_UNIT_ID,
    unitName: "xã Quảng Khê",
    ...s.payload,
  };
  return {
    id,
    dossier_id: dossierId,
    event_id: null,
    kind: s.kind ?? "result_ready",
    payload: JSON.stringify(payload),
    status: "pending",
    attempts: 0,
    available_at: s.availableAt ?? at,
    created_at: at,
    updated_at: at,
  };
}

/** OA user ids are digit strings (docs/zalo.md#pitfalls); one per applicant so duplicates are visible per recipient. */
export function oaUserId(n: number): string {
  return `7${String(n).padStart(17, "0")}`;
}

/** Messages per (recipient, text): delivered = distinct pairs, duplicates = extra copies. */
export function countDeliveries(messages: readonly { recipient?: string; text?: string }[]): {
  delivered: number;
  duplicates: number;
} {
  const seen = new Map<string, number>();
  for (const m of messages) {
    const key = `${m.recipient}\u0000${m.text}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  let duplicates = 0;
  for (const n of seen.values()) duplicates += n - 1;
  return { delivered: seen.size, duplicates };
}
