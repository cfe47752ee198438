/**
 * The dossiers of the Sổ theo dõi hồ sơ: those received by a set of units in a period, oldest first, with the
 * first time each step the book records was reached (from the append-only dossier events). Served by the index
 * on (receiving_unit_id, received_at) and, for the steps, the unique (dossier_id, seq) of dossier_events.
 * The step dates are read for the whole period (not only the first `limit` dossiers): a book cut at `limit` is
 * refused by the caller anyway.
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
const STEP_EVENTS = { sentToDecidingAt: "start_processing", resultReceivedAt: "mark_result_ready", returnedAt: "return_result", apologisedAt: "extend_due_date" } as const;

export async function listTrackingBook(db: Db, q: TrackingBookQuery): Promise<TrackingBookRecord[]> {
  if (q.unitIds && q.unitIds.length === 0) return [];
  let dossiers = db
    .selectFrom("dossiers as d")
    .select([
      "d.id", "d.code", "d.procedure_code", "d.procedure_version_id", "d.receiving_unit_id", "d.competent_unit_id", "d.received_at",
      "d.due_date", "d.original_due_date", "d.state", "d.applicant_name", "d.form_data",
    ])
    .where("d.received_at", ">=", q.fromIso)
    .where("d.received_at", "<", q.toIso);
  if (q.unitIds) dossiers = dossiers.where("d.receiving_unit_id", "in", [...q.unitIds]);
  if (q.procedureCode) dossiers = dossiers.where("d.procedure_code", "=", q.procedureCode);
  const rows = await dossiers.orderBy("d.received_at").orderBy("d.code").limit(q.limit).execute();
  if (rows.length === 0) return [];
  // The step dates in one pass over the same dossiers' events (one grouped query, not one lookup per dossier and step).
  let steps = db
    .selectFrom("dossier_events as e")
    .innerJoin("dossiers as d", "d.id", "e.dossier_id")
    .select(["e.dossier_id", "e.type"])
    .select((eb) => eb.fn.min("e.at").as("at"))
    .where("d.received_at", ">=", q.fromIso)
    .where("d.received_at", "<", q.toIso)
    .where("e.type", "in", Object.values(STEP_EVENTS));
  if (q.unitIds) steps = steps.where("d.receiving_unit_id", "in", [...q.unitIds]);
  if (q.procedureCode) steps = steps.where("d.procedure_code", "=", q.procedureCode);
  const firstAt = new Map<string, string>();
  for (const s of await steps.groupBy(["e.dossier_id", "e.type"]).execute()) firstAt.set(`${s.dossier_id} ${s.type}`, String(s.at));
  const at = (id: string, type: string) => firstAt.get(`${id} ${type}`) ?? null;
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
    sentToDecidingAt: at(r.id, STEP_EVENTS.sentToDecidingAt),
    resultReceivedAt: at(r.id, STEP_EVENTS.resultReceivedAt),
    returnedAt: at(r.id, STEP_EVENTS.returnedAt),
    apologised: at(r.id, STEP_EVENTS.apologisedAt) !== null,
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
