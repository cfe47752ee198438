/**
 * One rating per dossier per citizen (Decree 61/2018: one evaluation per dossier), enforced by the database so
 * two taps racing cannot both land; plus the citizen's own list, newest first.
 */
import { sql, type Kysely, type Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex("feedback_one_rating_idx")
    .unique()
    .on("feedback")
    .columns(["dossier_id", "citizen_id"])
    .where(sql.ref("kind"), "=", "rating")
    .execute();
  await db.schema
    .createIndex("feedback_citizen_created_at_idx")
    .on("feedback")
    .columns(["citizen_id", "created_at"])
    .execute();
}

async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("feedback_citizen_created_at_idx").execute();
  await db.schema.dropIndex("feedback_one_rating_idx").execute();
}

export const feedbackOneRatingMigration: Migration = { up, down };
