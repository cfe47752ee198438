/**
 * The province administrator's calendar years: catalogue documents of kind "calendar_year", id "admin:YYYY", origin
 * "admin" (the shipped seed never overwrites them, store/catalog.ts).
 */
import type { Kysely } from "kysely";
import { adminCalendarDocId, type AdminCalendarYear } from "../../../shared/calendar/admin-calendar.js";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export async function findAdminCalendarYear(db: Db, year: number): Promise<AdminCalendarYear | undefined> {
  const row = await db
    .selectFrom("catalog_documents")
    .select("body")
    .where("kind", "=", "calendar_year")
    .where("id", "=", adminCalendarDocId(year))
    .where("origin", "=", "admin")
    .executeTakeFirst();
  return row ? (JSON.parse(row.body) as AdminCalendarYear) : undefined;
}

export async function saveAdminCalendarYear(db: Db, doc: AdminCalendarYear): Promise<void> {
  const body = JSON.stringify(doc);
  const values = {
    valid_from: `${doc.year}-01-01`,
    valid_to: `${doc.year}-12-31`,
    body,
    origin: "admin",
    updated_at: doc.updatedAt,
    updated_by: doc.updatedBy,
  };
  await db
    .insertInto("catalog_documents")
    .values({ kind: "calendar_year", id: adminCalendarDocId(doc.year), ...values })
    .onConflict((oc) => oc.columns(["kind", "id"]).doUpdateSet(values))
    .execute();
}
