/**
 * The one-stop office's telephone and address as the unit administrator sets them in the console, kept as a console
 * setting per unit. No verified number ships with the product (shared/data/offices.ts): the chatbot gives out
 * only what a unit entered itself.
 */
import type { Kysely } from "kysely";
import type { UnitContact } from "../../../shared/data/chatbot-unit-contacts.js";
import type { Database } from "./database.js";
import { readConsoleSetting, writeConsoleSetting } from "./console-settings.js";

type Db = Kysely<Database>;

export interface OfficeContact {
  phone: string | null;
  address: string | null;
}

const PREFIX = "office_contact:";
export const UNIT_ENTERED_SOURCE = "Do đơn vị tự cập nhật trên bàn làm việc Một cửa";

export async function readOfficeContact(
  db: Db,
  unitId: string,
): Promise<(OfficeContact & { updatedAt: string | null }) | undefined> {
  const row = await db
    .selectFrom("catalog_documents")
    .select("updated_at")
    .where("kind", "=", "console_setting")
    .where("id", "=", PREFIX + unitId)
    .executeTakeFirst();
  const value = await readConsoleSetting<OfficeContact>(db, PREFIX + unitId);
  return value && { ...value, updatedAt: row?.updated_at ?? null };
}

export function writeOfficeContact(
  db: Db,
  unitId: string,
  contact: OfficeContact,
  now: string,
  by: string,
): Promise<void> {
  return writeConsoleSetting(db, PREFIX + unitId, contact, now, by);
}

/** Every unit's entered contact, in the shape the chatbot's answers take. */
export async function listOfficeContacts(db: Db): Promise<UnitContact[]> {
  const rows = await db
    .selectFrom("catalog_documents")
    .select(["id", "body"])
    .where("kind", "=", "console_setting")
    .where("id", "like", `${PREFIX}%`)
    .execute();
  return rows.map((r) => {
    const c = JSON.parse(r.body) as OfficeContact;
    return {
      unitId: r.id.slice(PREFIX.length),
      ...(c.phone ? { phone: c.phone } : {}),
      ...(c.address ? { address: c.address } : {}),
      source: UNIT_ENTERED_SOURCE,
      evidence: "S" as const,
      toVerify: false,
    };
  });
}
