/**
 * The province administrator's writes to catalogue documents (procedure versions, fees): read a family of dated
 * documents with who changed them last, and save new or changed documents as origin "admin" (the shipped seed
 * never overwrites them, store/catalog.ts) together with their audit entries, in one transaction. Writers of the
 * same family are serialised (an advisory lock on PostgreSQL; SQLite has one writer), so the decision taken on what
 * was read (no overlapping versions) still holds when it commits.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import { writeAuditMany, type AuditEntry } from "./audit.js";
import type { CatalogKind } from "./catalog.js";
import { dialectOf } from "./connect.js";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export interface StoredDocument<T = unknown> {
  kind: CatalogKind;
  id: string;
  validFrom: string | null;
  validTo: string | null;
  body: T;
  origin: string;
  updatedAt: string;
  updatedBy: string | null;
}

const toStored = <T>(r: Database["catalog_documents"]): StoredDocument<T> => ({
  kind: r.kind as CatalogKind,
  id: r.id,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  body: JSON.parse(r.body) as T,
  origin: r.origin,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** Documents of a kind whose id starts with `idPrefix` (e.g. "1.004873@"), oldest first. */
export async function listStoredDocuments<T>(
  db: Db | Transaction<Database>,
  kind: CatalogKind,
  idPrefix = "",
): Promise<StoredDocument<T>[]> {
  let q = db.selectFrom("catalog_documents").selectAll().where("kind", "=", kind);
  if (idPrefix) q = q.where("id", "like", `${idPrefix}%`);
  const rows = await q.orderBy("valid_from").orderBy("id").execute();
  // Ids hold no LIKE wildcard; "_" would match any character, so the prefix is checked exactly here too.
  return rows.filter((r) => r.id.startsWith(idPrefix)).map((r) => toStored<T>(r));
}

export async function findStoredDocument<T>(
  db: Db,
  kind: CatalogKind,
  id: string,
): Promise<StoredDocument<T> | undefined> {
  const row = await db
    .selectFrom("catalog_documents")
    .selectAll()
    .where("kind", "=", kind)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toStored<T>(row) : undefined;
}

export interface AdminWrite {
  kind: CatalogKind;
  id: string;
  validFrom: string | null;
  validTo: string | null;
  body: unknown;
  /** true: a new document (an existing id is a conflict); false: replaces the stored one. */
  isNew: boolean;
}

export class DocumentExists extends Error {}

/**
 * Reads the family (`kind`, `idPrefix`) inside a transaction, lets `decide` choose the writes (or refuse with a
 * value of its own), saves them as origin "admin" by `by` with the audit entries, and commits. Returns what
 * `decide` returned.
 */
export async function changeDatedDocuments<R>(
  db: Db,
  family: { kind: CatalogKind; idPrefix: string },
  now: string,
  by: string,
  decide: (
    existing: StoredDocument[],
  ) => { ok: true; writes: AdminWrite[]; audits: AuditEntry[]; result: R } | { ok: false; result: R },
): Promise<R> {
  return db.transaction().execute(async (tx) => {
    if (dialectOf(db) === "postgres")
      await sql`select pg_advisory_xact_lock(hashtext(${`catalog:${family.kind}:${family.idPrefix}`}))`.execute(tx);
    const existing = await listStoredDocuments(tx, family.kind, family.idPrefix);
    const d = decide(existing);
    if (!d.ok) return d.result;
    for (const w of d.writes) {
      const row = {
        kind: w.kind,
        id: w.id,
        valid_from: w.validFrom,
        valid_to: w.validTo,
        body: JSON.stringify(w.body),
        origin: "admin",
        updated_at: now,
        updated_by: by,
      };
      if (w.isNew) {
        const inserted = await tx
          .insertInto("catalog_documents")
          .values(row)
          .onConflict((oc) => oc.columns(["kind", "id"]).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new DocumentExists(w.id);
      } else {
        await tx
          .updateTable("catalog_documents")
          .set({
            valid_from: row.valid_from,
            valid_to: row.valid_to,
            body: row.body,
            origin: "admin",
            updated_at: now,
            updated_by: by,
          })
          .where("kind", "=", w.kind)
          .where("id", "=", w.id)
          .execute();
      }
    }
    await writeAuditMany(tx, d.audits);
    return d.result;
  });
}
