/**
 * The citizen's phone number for result messages by ZNS: personal data, kept only with the citizen's consent
 * (consent time and source recorded), every change audited (field names only), erased on request.
 */
import type { Kysely } from "kysely";
import { writeAudit, type AuditActorKind } from "./audit.js";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export type PhoneSource = "zalo" | "counter";

export interface StoredPhone {
  phone: string;
  consentAt: string;
  source: PhoneSource;
}

export interface PhoneActor {
  kind: AuditActorKind;
  id: string | null;
}

export async function readCitizenPhone(db: Db, citizenId: string): Promise<StoredPhone | null> {
  const row = await db
    .selectFrom("citizens")
    .select(["phone", "phone_consent_at", "phone_source"])
    .where("id", "=", citizenId)
    .executeTakeFirst();
  if (!row?.phone || !row.phone_consent_at) return null;
  return {
    phone: row.phone,
    consentAt: row.phone_consent_at,
    source: row.phone_source === "counter" ? "counter" : "zalo",
  };
}

/** Stores the number (normalised 84…) with its consent; false when the citizen is gone. */
export async function saveCitizenPhone(
  db: Db,
  citizenId: string,
  phone: StoredPhone,
  actor: PhoneActor,
  reason: string,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom("citizens").select("phone").where("id", "=", citizenId).executeTakeFirst();
    if (!before) return false;
    await tx
      .updateTable("citizens")
      .set({
        phone: phone.phone,
        phone_consent_at: phone.consentAt,
        phone_source: phone.source,
        updated_at: phone.consentAt,
      })
      .where("id", "=", citizenId)
      .execute();
    await writeAudit(tx, {
      at: phone.consentAt,
      actorKind: actor.kind,
      actorId: actor.id,
      action: before.phone ? "update" : "create",
      subjectKind: "citizen",
      subjectId: citizenId,
      fields: ["phone", "phone_consent_at", "phone_source"],
      reason,
    });
    return true;
  });
}

/** Erases the number and its consent (the citizen withdrew it); true when there was one. */
export async function eraseCitizenPhone(
  db: Db,
  citizenId: string,
  actor: PhoneActor,
  at: string,
  reason: string,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable("citizens")
      .set({ phone: null, phone_consent_at: null, phone_source: null, updated_at: at })
      .where("id", "=", citizenId)
      .where("phone", "is not", null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await writeAudit(tx, {
      at,
      actorKind: actor.kind,
      actorId: actor.id,
      action: "delete",
      subjectKind: "citizen",
      subjectId: citizenId,
      fields: ["phone", "phone_consent_at", "phone_source"],
      reason,
    });
    return true;
  });
}
