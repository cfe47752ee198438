/**
 * The telephone and address of the unit's one-stop office, which the chatbot gives to a citizen who asks for an
 * officer or for the office. Every officer of the unit reads it; the unit administrator changes it.
 */
import type { OfficeContactBody, OfficeContactReply } from "../../../shared/console/office.js";
import type { Officer } from "../../../shared/officers/officer.js";
import { refusalOf } from "../../../shared/officers/permissions.js";
import { fail, type Outcome } from "../../../shared/outcomes.js";
import type { Deps } from "../deps.js";
import { readOfficeContact, writeOfficeContact } from "../store/unit-contacts.js";
import { officeContactChanged } from "./unit-admin.js";

export async function officeContactOf(deps: Deps, officer: Officer): Promise<Outcome<OfficeContactReply>> {
  if (!officer.unitId) return fail("unit_unknown");
  const contact = await readOfficeContact(deps.db, officer.unitId);
  return { ok: true, value: contact ?? { phone: null, address: null, updatedAt: null } };
}

export async function saveOfficeContact(
  deps: Deps,
  officer: Officer,
  contact: OfficeContactBody,
): Promise<Outcome<OfficeContactReply>> {
  if (!officer.unitId) return fail("forbidden", { message: refusalOf("office_contact.edit") });
  const now = deps.clock.now().toISOString();
  await writeOfficeContact(deps.db, officer.unitId, contact, now, officer.id);
  await officeContactChanged(deps, officer, officer.unitId, contact, now);
  return { ok: true, value: { ...contact, updatedAt: now } };
}
