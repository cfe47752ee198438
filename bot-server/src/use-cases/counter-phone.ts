/**
 * What an officer does with Zalo from the console.
 * - A citizen without Zalo at hand gives a phone number at the counter, agreeing to result messages on it: the
 *   counter officer records it on the dossier's applicant (consent and source kept, audited), or erases it. Another
 *   unit's dossier looks like a missing one.
 * - An officer links their own Zalo account on the OA for leader alerts: the console shows a code, the officer sends
 *   it to the OA from Zalo (the webhook links the sender's OA user id).
 */
import { maskPhone, normalizePhone } from "../../../shared/api/citizens.js";
import type { DossierPhoneReply, OaLinkCodeReply, OaLinkReply } from "../../../shared/console/zalo.js";
import type { Officer } from "../../../shared/officers/officer.js";
import { fail, type Outcome } from "../../../shared/outcomes.js";
import type { Deps } from "../deps.js";
import { eraseCitizenPhone, readCitizenPhone, saveCitizenPhone } from "../store/citizen-phone.js";
import { createCounterApplicant } from "../store/citizens.js";
import { findDossierApplicant } from "../store/dossiers.js";
import { issueOaLinkCode, oaLinkState, unlinkOa } from "../store/officer-oa-link.js";

async function dossierOf(deps: Deps, officer: Officer, dossierId: string) {
  const dossier = await findDossierApplicant(deps.db, dossierId);
  return dossier && dossier.receiving_unit_id === officer.unitId ? dossier : undefined;
}

export async function counterPhoneOf(
  deps: Deps,
  officer: Officer,
  dossierId: string,
): Promise<Outcome<DossierPhoneReply>> {
  const dossier = await dossierOf(deps, officer, dossierId);
  if (!dossier) return fail("dossier_not_in_unit");
  const phone = dossier.citizen_id ? await readCitizenPhone(deps.db, dossier.citizen_id) : null;
  return {
    ok: true,
    value: { phone: phone && { masked: maskPhone(phone.phone), consentAt: phone.consentAt, source: phone.source } },
  };
}

/** `phone` passed the schema (a Vietnamese mobile number); the citizen agreed at the counter. */
export async function saveCounterPhone(
  deps: Deps,
  officer: Officer,
  dossierId: string,
  typed: string,
): Promise<Outcome<DossierPhoneReply>> {
  const dossier = await dossierOf(deps, officer, dossierId);
  if (!dossier) return fail("dossier_not_in_unit");
  const at = deps.clock.now().toISOString();
  // An applicant known only at the counter: a citizen row holding nothing but this number.
  const citizenId = dossier.citizen_id ?? (await createCounterApplicant(deps.db, dossier.id, at));
  const phone = normalizePhone(typed)!;
  await saveCitizenPhone(
    deps.db,
    citizenId,
    { phone, consentAt: at, source: "counter" },
    { kind: "officer", id: officer.id },
    "Người dân đồng ý tại Bộ phận Một cửa nhận tin nhắn kết quả qua số điện thoại",
  );
  return { ok: true, value: { phone: { masked: maskPhone(phone), consentAt: at, source: "counter" } } };
}

export async function eraseCounterPhone(deps: Deps, officer: Officer, dossierId: string): Promise<Outcome<undefined>> {
  const dossier = await dossierOf(deps, officer, dossierId);
  if (!dossier) return fail("dossier_not_in_unit");
  if (dossier.citizen_id) {
    await eraseCitizenPhone(
      deps.db,
      dossier.citizen_id,
      { kind: "officer", id: officer.id },
      deps.clock.now().toISOString(),
      "Người dân rút lại đồng ý nhận tin nhắn qua số điện thoại",
    );
  }
  return { ok: true, value: undefined };
}

export async function officerOaLink(deps: Deps, officer: Officer): Promise<OaLinkReply> {
  const state = await oaLinkState(deps.db, officer.id, deps.clock.now().toISOString());
  return { ...state, oaId: deps.config.ZALO_OA_ID ?? null };
}

export async function newOaLinkCode(deps: Deps, officer: Officer): Promise<OaLinkCodeReply> {
  const issued = await issueOaLinkCode(deps.db, officer.id, deps.clock.now().getTime());
  return { ...issued, oaId: deps.config.ZALO_OA_ID ?? null };
}

export function unlinkOfficerOa(deps: Deps, officer: Officer): Promise<void> {
  return unlinkOa(deps.db, officer.id);
}
