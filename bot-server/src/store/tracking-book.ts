/**
 * The dossiers of the Sổ theo dõi hồ sơ: those received by a set of units in a period, oldest first, with the
 * first time each step the book records was reached (from the append-only dossier events). Served by the index
 * on (receiving_unit_id, received_at) and, for the steps, the unique (dossier_id, seq) of dossier_events.
 */
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export interface TrackingBookQuery {
  /** Receiving units (the unit with its predecessors and, before 1/7/2025, its communes); undefined: every unit. */
  unitIds?: readonly string[];
  /** UTC instants, `fromIso` inclusive, `toIso` exclusive. */
  fromIso: string;
  toIso: string;
  procedureCode?: string;
  /** At most this many rows (the caller says when the book was cut). */
  limit: number;
}

export interface TrackingBookRecord {
  id: string;
  code: string;
  procedureCode: string;
  procedureVersionId: string;
  receivingUnitId: string;
  competentUnitId: string;
  receivedAt: string;
  dueDate: string;
  originalDueDate: string;
  state: string;
  /** Personal: printed in the book, read under audit by the caller. */
  applicantName: string;
  formData: Record<string, unknown>;
  sentToDecidingAt: string | null;
  resultReceivedAt: string | null;
  returnedAt: string | null;
  apologised: boolean;
}

/** The lifecycle events that mark the book's date columns. */
const STEP_EVENTS = {
  sentToDecidingAt: "start_processing",
  resultReceivedAt: "mark_result_ready",
  returnedAt: "return_result",
  apologisedAt: "extend_due_date",
} as const;

export async function listTrackingBook(db: Db, q: TrackingBookQuery): Promise<TrackingBookRecord[]> {
  if (q.unitIds && q.unitIds.length === 0) return [];
  let query = db
    .selectFrom("dossiers as d")
    .select([
      "d.id",
      "d.code",
      "d.procedure_code",
      "d.procedure_version_id",
      "d.receiving_unit_id",
      "d.competent_unit_id",
      "d.received_at",
      "d.due_date",
      "d.original_due_date",
      "d.state",
      "d.applicant_name",
      "d.form_data",
    ])
    .select((eb) =>
      (Object.entries(STEP_EVENTS) as [keyof typeof STEP_EVENTS, string][]).map(([alias, type]) =>
        eb
          .selectFrom("dossier_events as e")
          .select((e) => e.fn.min("e.at").as("at"))
          .whereRef("e.dossier_id", "=", "d.id")
          .where("e.type", "=", type)
          .as(alias),
      ),
    )
    // Training dossiers (docs/admin/training.md) are never in the book.
    .where("d.training", "=", 0)
    .where("d.received_at", ">=", q.fromIso)
    .where("d.received_at", "<", q.toIso);
  if (q.unitIds) query = query.where("d.receiving_unit_id", "in", [...q.unitIds]);
  if (q.procedureCode) query = query.where("d.procedure_code", "=", q.procedureCode);
  const rows = await query.orderBy("d.received_at").orderBy("d.code").limit(q.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    procedureCode: r.procedure_code,
    procedureVersionId: r.procedure_version_id,
    receivingUnitId: r.receiving_unit_id,
    competentUnitId: r.competent_unit_id,
    receivedAt: r.received_at,
    dueDate: r.due_date,
    originalDueDate: r.original_due_date,
    state: r.state,
    applicantName: r.applicant_name,
    formData: parseObject(r.form_data),
    sentToDecidingAt: (r.sentToDecidingAt as string | null) ?? null,
    resultReceivedAt: (r.resultReceivedAt as string | null) ?? null,
    returnedAt: (r.returnedAt as string | null) ?? null,
    apologised: r.apologisedAt !== null && r.apologisedAt !== undefined,
  }));
}

function parseObject(s: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
