/**
 * Scheme plans and the units' participation, as catalogue documents (store/catalog.ts) written by administrators:
 * origin "admin", so the shipped seed never overwrites them. A new plan version and the end of the one before it are
 * written together with their audit entry.
 */
import type { Kysely } from "kysely";
import type { PlanParticipation } from "../../../shared/scheme/plan-participation.js";
import type { SchemePlan } from "../../../shared/scheme/scheme-plan.js";
import { writeAudit, type AuditEntry } from "./audit.js";
import { findDocumentBody, loadDocuments, type CatalogDocument } from "./catalog.js";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export const loadPlanDocuments = (db: Db): Promise<CatalogDocument<SchemePlan>[]> =>
  loadDocuments<SchemePlan>(db, "scheme_plan");

const adminRow = (kind: string, id: string, validFrom: string | null, validTo: string | null, body: unknown) => ({
  kind,
  id,
  valid_from: validFrom,
  valid_to: validTo,
  body: JSON.stringify(body),
  origin: "admin",
});

/** Writes (insert or replace) admin documents and one audit entry, in one transaction. */
async function writeAdminDocuments(
  db: Db,
  rows: ReturnType<typeof adminRow>[],
  now: string,
  by: string,
  audit: AuditEntry,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const row of rows) {
      const values = { ...row, updated_at: now, updated_by: by };
      await tx
        .insertInto("catalog_documents")
        .values(values)
        .onConflict((oc) =>
          oc.columns(["kind", "id"]).doUpdateSet({
            valid_from: values.valid_from,
            valid_to: values.valid_to,
            body: values.body,
            origin: "admin",
            updated_at: now,
            updated_by: by,
          }),
        )
        .execute();
    }
    await writeAudit(tx, audit);
  });
}

/**
 * The new version and the version it follows (ended the day before), both kept as origin "admin"; false when a
 * document with the new id exists already (nothing written).
 */
export async function saveNewPlanVersion(
  db: Db,
  change: { plan: SchemePlan; previous: SchemePlan },
  now: string,
  by: string,
  audit: AuditEntry,
): Promise<boolean> {
  if (await findDocumentBody(db, "scheme_plan", change.plan.id)) return false;
  const { plan, previous } = change;
  await writeAdminDocuments(
    db,
    [
      adminRow("scheme_plan", previous.id, previous.validFrom, previous.validTo ?? null, previous),
      adminRow("scheme_plan", plan.id, plan.validFrom, plan.validTo ?? null, plan),
    ],
    now,
    by,
    audit,
  );
  return true;
}

export const readParticipation = (db: Db, unitId: string): Promise<PlanParticipation | undefined> =>
  findDocumentBody<PlanParticipation>(db, "plan_participation", unitId);

export async function saveParticipation(
  db: Db,
  doc: PlanParticipation,
  now: string,
  by: string,
  audit: AuditEntry,
): Promise<void> {
  await writeAdminDocuments(db, [adminRow("plan_participation", doc.unitId, null, null, doc)], now, by, audit);
}
