/**
 * Catalogue documents (procedure versions, fees, calendar years, scheme plans, agency codes): JSON bodies with
 * a validity period. Shipped documents are refreshed at each start; documents an administrator edited
 * (origin "admin") are never overwritten by the shipped copy.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export type CatalogKind =
  "procedure_version" | "fee" | "calendar_year" | "scheme_plan" | "plan_participation" | "agency_code" | "setting";

export interface CatalogDocument<T = unknown> {
  kind: CatalogKind;
  id: string;
  validFrom: string | null;
  validTo: string | null;
  body: T;
  origin: string;
}

const CHUNK = 100;

export async function upsertShippedDocuments(
  db: Db,
  docs: readonly Omit<CatalogDocument, "origin">[],
  now: string,
): Promise<void> {
  for (let i = 0; i < docs.length; i += CHUNK) {
    const rows = docs.slice(i, i + CHUNK).map((d) => ({
      kind: d.kind,
      id: d.id,
      valid_from: d.validFrom,
      valid_to: d.validTo,
      body: JSON.stringify(d.body),
      origin: "shipped",
      updated_at: now,
      updated_by: null,
    }));
    await db
      .insertInto("catalog_documents")
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(["kind", "id"])
          .doUpdateSet((eb) => ({
            valid_from: eb.ref("excluded.valid_from"),
            valid_to: eb.ref("excluded.valid_to"),
            body: eb.ref("excluded.body"),
            updated_at: eb.ref("excluded.updated_at"),
          }))
          .where("catalog_documents.origin", "=", "shipped"),
      )
      .execute();
  }
}

export async function loadDocuments<T>(db: Db, kind: CatalogKind): Promise<CatalogDocument<T>[]> {
  const rows = await db.selectFrom("catalog_documents").selectAll().where("kind", "=", kind).orderBy("id").execute();
  return rows.map((r) => ({
    kind: r.kind as CatalogKind,
    id: r.id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    body: JSON.parse(r.body) as T,
    origin: r.origin,
  }));
}

/** The parsed body of one document, if stored. */
export async function findDocumentBody<T>(db: Db, kind: CatalogKind, id: string): Promise<T | undefined> {
  const row = await db
    .selectFrom("catalog_documents")
    .select("body")
    .where("kind", "=", kind)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? (JSON.parse(row.body) as T) : undefined;
}

const REVISION_ID = "catalog_revision";

/**
 * The catalogue's revision: moved by every administrator's change (units, plans, procedure versions, calendar,
 * confirmations), read by each instance to know when to reload its domain.
 */
export async function readCatalogRevision(db: Db): Promise<string> {
  const row = await db
    .selectFrom("catalog_documents")
    .select("body")
    .where("kind", "=", "setting")
    .where("id", "=", REVISION_ID)
    .executeTakeFirst();
  return row?.body ?? "0";
}

export async function bumpCatalogRevision(db: Db, now: string, by: string | null): Promise<void> {
  const body = JSON.stringify(`${now}#${randomUUID()}`);
  await db
    .insertInto("catalog_documents")
    .values({
      kind: "setting",
      id: REVISION_ID,
      valid_from: null,
      valid_to: null,
      body,
      origin: "generated",
      updated_at: now,
      updated_by: by,
    })
    .onConflict((oc) => oc.columns(["kind", "id"]).doUpdateSet({ body, updated_at: now, updated_by: by }))
    .execute();
}
