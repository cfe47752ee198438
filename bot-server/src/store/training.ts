/**
 * Training mode (migration 0027, docs/admin/training.md): the units in training mode and the deletion of their
 * training dossiers (events, outbox rows and pre-registration links follow by cascade; audit lines stay, they carry
 * field names only).
 */
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export interface TrainingUnit {
  unitId: string;
  /** The scheme day the training clock shows. */
  day: string;
  /** The real instant the training clock read 08:00 of `day`. */
  startedAt: string;
  startedBy: string;
}

export async function findTrainingUnit(db: Db, unitId: string): Promise<TrainingUnit | undefined> {
  const r = await db.selectFrom("training_units").selectAll().where("unit_id", "=", unitId).executeTakeFirst();
  return r && { unitId: r.unit_id, day: r.day, startedAt: r.started_at, startedBy: r.started_by };
}

/** Switch on, or restart the clock of a unit already in training mode. */
export async function saveTrainingUnit(db: Db, t: TrainingUnit): Promise<void> {
  await db
    .insertInto("training_units")
    .values({ unit_id: t.unitId, day: t.day, started_at: t.startedAt, started_by: t.startedBy })
    .onConflict((oc) =>
      oc.column("unit_id").doUpdateSet({ day: t.day, started_at: t.startedAt, started_by: t.startedBy }),
    )
    .execute();
}

/** True when the unit was in training mode. */
export async function deleteTrainingUnit(db: Db, unitId: string): Promise<boolean> {
  const r = await db.deleteFrom("training_units").where("unit_id", "=", unitId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countTrainingDossiers(db: Db, unitId: string): Promise<number> {
  const r = await db
    .selectFrom("dossiers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("training", "=", 1)
    .where("receiving_unit_id", "=", unitId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Deletes the unit's training dossiers; returns their ids (for the audit). */
export async function deleteTrainingDossiers(db: Db, unitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("dossiers")
    .select("id")
    .where("training", "=", 1)
    .where("receiving_unit_id", "=", unitId)
    .execute();
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  // Feedback rows point at dossiers with ON DELETE SET NULL; training dossiers have no citizen, so none exist.
  await db.deleteFrom("dossiers").where("training", "=", 1).where("id", "in", ids).execute();
  return ids;
}
