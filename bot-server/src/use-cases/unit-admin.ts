/**
 * The unit's own settings ("Đơn vị") and the verification of shipped facts ("Cần xác nhận"),
 * docs/admin/unit-and-verification.md. A unit administrator administers their unit; a province administrator every
 * unit of their province (`administers`). Every change is a catalogue document (origin "admin"), audited, and
 * reaches the public answers at once (`catalogChanged`).
 */
import { officeHoursIssues, shippedOffice, type UnitOfficeSetting } from "../../../shared/admin/unit-office.js";
import { CONFIRMER_OF, FACT_KIND_LABELS, type Confirmation, type Fact } from "../../../shared/admin/verification.js";
import type {
  ConfirmBody,
  FactView,
  UnitSettingsBody,
  UnitSettingsReply,
  VerificationReply,
} from "../../../shared/console/unit-admin.js";
import type { AdminUnit } from "../../../shared/model.js";
import { administers, type Officer } from "../../../shared/officers/officer.js";
import { fail, type Outcome } from "../../../shared/outcomes.js";
import type { Deps } from "../deps.js";
import { writeAudit } from "../store/audit.js";
import { putAdminDocument } from "../store/catalog.js";
import { writeOfficeContact } from "../store/unit-contacts.js";
import { catalogChanged } from "./catalog-changed.js";
import { nowOf } from "./console-context.js";
import { unitOffice } from "./unit-office.js";

const CONFIRMER_LABELS = { unit_admin: "Quản trị đơn vị", province_admin: "Quản trị cấp tỉnh" } as const;

const provinceIdOf = (deps: Deps) => (unitId: string) => {
  const u = deps.domain.units.byId(unitId);
  return (u && deps.domain.units.provinceOf(u)?.id) ?? undefined;
};

/** The units in force the officer administers (a unit admin: their own; a province admin: the province's units). */
export function administeredUnits(deps: Deps, officer: Officer): AdminUnit[] {
  const units = deps.domain.units;
  if (officer.role === "province_admin")
    return units.units
      .filter((u) => u.validTo === undefined && u.level !== "province" && units.provinceOf(u)?.id === officer.unitId)
      .sort((a, b) => units.displayName(a).localeCompare(units.displayName(b), "vi"));
  const own = officer.unitId ? units.byId(officer.unitId) : undefined;
  return own ? [own] : [];
}

function unitChoice(deps: Deps, u: AdminUnit) {
  return { id: u.id, code: u.code, name: deps.domain.units.displayName(u) };
}

function pickUnit(deps: Deps, officer: Officer, unitId: string | undefined): Outcome<AdminUnit> {
  const id = unitId ?? (officer.role === "province_admin" ? administeredUnits(deps, officer)[0]?.id : officer.unitId);
  const unit = id ? deps.domain.units.byId(id) : undefined;
  if (!unit || unit.validTo !== undefined || !administers(officer, unit.id, provinceIdOf(deps)))
    return fail("admin_unit_not_found", { fields: [{ path: "unitId", message: "Chọn một đơn vị bạn quản trị." }] });
  return { ok: true, value: unit };
}

/** Cut-offs of the plans in force today or starting later at the unit (its own hours must keep them inside). */
function cutoffsAt(deps: Deps, unitId: string): string[] {
  const today = nowOf(deps).date;
  const plan = deps.domain.scheme.planAt(unitId, today);
  return plan ? [plan.intakeCutoff] : [];
}

export function unitSettings(deps: Deps, officer: Officer, unitId: string | undefined): Outcome<UnitSettingsReply> {
  const picked = pickUnit(deps, officer, unitId);
  if (!picked.ok) return picked;
  const unit = picked.value;
  const units = deps.domain.units;
  const today = nowOf(deps).date;
  const plan = deps.domain.scheme.planAt(unit.id, today);
  const setting = deps.domain.officeSettingOf(unit.id);
  const office = unitOffice(deps.domain, unit);
  return {
    ok: true,
    value: {
      units: administeredUnits(deps, officer).map((u) => unitChoice(deps, u)),
      unitId: unit.id,
      code: unit.code,
      officialName: units.fullName(unit),
      shipped: { place: shippedOffice(units, unit.id).place },
      intakeCutoffs: cutoffsAt(deps, unit.id),
      setting: setting
        ? {
            name: setting.name,
            address: setting.address,
            phone: setting.phone,
            officeHours: setting.officeHours,
            reason: setting.reason,
            updatedAt: setting.updatedAt,
            updatedByName: setting.updatedByName,
          }
        : null,
      effective: {
        place: office.place,
        officeHours: plan?.officeHours ?? [],
        officeHoursToVerify: plan?.officeHoursToVerify ?? false,
        officeToVerify: office.toVerify,
      },
    },
  };
}

export async function saveUnitSettings(
  deps: Deps,
  officer: Officer,
  body: UnitSettingsBody,
): Promise<Outcome<UnitSettingsReply>> {
  const picked = pickUnit(deps, officer, body.unitId);
  if (!picked.ok) return picked;
  const unit = picked.value;
  if (body.officeHours) {
    const issues = officeHoursIssues(body.officeHours, cutoffsAt(deps, unit.id));
    if (issues.length > 0)
      return fail("invalid_body", {
        fields: issues,
        message: issues[0]!.message,
        detail: "The office hours overlap, end before they start, or leave the plan's cut-off outside office hours.",
      });
  }
  const now = nowOf(deps).iso;
  const before = deps.domain.officeSettingOf(unit.id);
  const setting: UnitOfficeSetting = {
    unitId: unit.id,
    name: body.name,
    address: body.address === undefined ? (before?.address ?? null) : body.address,
    phone: body.phone === undefined ? (before?.phone ?? null) : body.phone,
    officeHours: body.officeHours,
    reason: body.reason,
    updatedAt: now,
    updatedBy: officer.username,
    updatedByName: officer.displayName,
  };
  const changed = (["name", "address", "phone", "officeHours"] as const).filter(
    (k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(setting[k]),
  );
  await putAdminDocument(deps.db, "unit_office", unit.id, setting, now, officer.username);
  // The chatbot gives out the office's telephone and address from the office contact (store/unit-contacts.ts).
  if (body.address !== undefined || body.phone !== undefined)
    await writeOfficeContact(deps.db, unit.id, { phone: setting.phone, address: setting.address }, now, officer.id);
  await writeAudit(deps.db, {
    at: now,
    actorKind: "officer",
    actorId: officer.id,
    action: before ? "update" : "create",
    subjectKind: "unit_office",
    subjectId: unit.id,
    fields: changed,
    reason: body.reason,
  });
  await catalogChanged(deps, officer.username);
  return unitSettings(deps, officer, unit.id);
}

/** Whether the officer may confirm the fact: the office's facts by whoever administers the unit; the rest by the province administrator (of the fact's province, or any for a national fact). */
function mayConfirm(deps: Deps, officer: Officer, fact: Fact): boolean {
  if (CONFIRMER_OF[fact.kind] === "unit_admin")
    return fact.unitId !== null && administers(officer, fact.unitId, provinceIdOf(deps));
  return officer.role === "province_admin" && (fact.provinceId === null || fact.provinceId === officer.unitId);
}

/** Whether the officer sees the fact at all: their unit's or any unit they administer, and their province's. */
function inScope(deps: Deps, officer: Officer, fact: Fact): boolean {
  if (fact.unitId !== null) return administers(officer, fact.unitId, provinceIdOf(deps));
  const province =
    officer.role === "province_admin" ? officer.unitId : officer.unitId && provinceIdOf(deps)(officer.unitId);
  return fact.provinceId === null || fact.provinceId === province;
}

function factView(deps: Deps, officer: Officer, fact: Fact): FactView {
  const unit = fact.unitId ? deps.domain.units.byId(fact.unitId) : undefined;
  const c = fact.confirmation;
  return {
    id: fact.id,
    kind: fact.kind,
    kindLabel: FACT_KIND_LABELS[fact.kind],
    unitId: fact.unitId,
    unitName: unit ? deps.domain.units.displayName(unit) : null,
    title: fact.title,
    value: fact.value,
    source: fact.source,
    confirmer: fact.confirmer,
    confirmerLabel: CONFIRMER_LABELS[fact.confirmer],
    canConfirm: mayConfirm(deps, officer, fact),
    confirmation: c ? { source: c.source, at: c.at, byName: c.byName } : null,
  };
}

export function listVerification(
  deps: Deps,
  officer: Officer,
  query: { unitId?: string | undefined; kind?: Fact["kind"] | undefined; confirmed?: "0" | "1" | "all" | undefined },
): Outcome<VerificationReply> {
  const units = administeredUnits(deps, officer);
  if (query.unitId !== undefined && !units.some((u) => u.id === query.unitId))
    return fail("admin_unit_not_found", { fields: [{ path: "unitId", message: "Chọn một đơn vị bạn quản trị." }] });
  const today = nowOf(deps).date;
  const scoped = deps.domain.facts.filter(
    (f) =>
      inScope(deps, officer, f) &&
      (f.validTo === undefined || f.validTo >= today) &&
      (query.unitId === undefined || f.unitId === null || f.unitId === query.unitId),
  );
  const confirmed = query.confirmed ?? "0";
  const facts = scoped.filter(
    (f) =>
      (query.kind === undefined || f.kind === query.kind) &&
      (confirmed === "all" || (confirmed === "1") === (f.confirmation !== null)),
  );
  return {
    ok: true,
    value: {
      units: units.map((u) => unitChoice(deps, u)),
      facts: facts.map((f) => factView(deps, officer, f)),
      remaining: scoped.filter((f) => f.confirmation === null).length,
    },
  };
}

export async function confirmFact(deps: Deps, officer: Officer, body: ConfirmBody): Promise<Outcome<FactView>> {
  const fact = deps.domain.facts.find((f) => f.id === body.factId);
  if (!fact || !inScope(deps, officer, fact))
    return fail("fact_not_found", { fields: [{ path: "factId", message: "Không có thông tin cần xác nhận này." }] });
  if (!mayConfirm(deps, officer, fact))
    return fail("forbidden", {
      message: `Chỉ ${CONFIRMER_LABELS[fact.confirmer].toLowerCase()} được xác nhận thông tin này.`,
    });
  const now = nowOf(deps).iso;
  const confirmation: Confirmation = {
    factId: fact.id,
    source: body.source,
    at: now,
    by: officer.username,
    byName: officer.displayName,
  };
  await putAdminDocument(deps.db, "confirmation", fact.id, confirmation, now, officer.username);
  await writeAudit(deps.db, {
    at: now,
    actorKind: "officer",
    actorId: officer.id,
    action: fact.confirmation ? "update" : "create",
    subjectKind: "confirmation",
    subjectId: fact.id,
    fields: ["source"],
    reason: `Xác nhận ${FACT_KIND_LABELS[fact.kind].toLowerCase()} theo ${body.source}`,
  });
  await catalogChanged(deps, officer.username);
  const after = deps.domain.facts.find((f) => f.id === fact.id) ?? { ...fact, confirmation };
  return { ok: true, value: factView(deps, officer, after) };
}

/**
 * The office's telephone and address entered on "Thông tin Bộ phận Một cửa" (use-cases/office-contact.ts) are the
 * unit's own facts too: kept in its settings document so the public answers show them at once.
 */
export async function officeContactChanged(
  deps: Deps,
  officer: Officer,
  unitId: string,
  contact: { phone: string | null; address: string | null },
  now: string,
): Promise<void> {
  const before = deps.domain.officeSettingOf(unitId);
  const setting: UnitOfficeSetting = {
    unitId,
    name: before?.name ?? null,
    officeHours: before?.officeHours ?? null,
    ...contact,
    reason: "Cập nhật số điện thoại, địa chỉ Bộ phận Một cửa",
    updatedAt: now,
    updatedBy: officer.username,
    updatedByName: officer.displayName,
  };
  await putAdminDocument(deps.db, "unit_office", unitId, setting, now, officer.username);
  await writeAudit(deps.db, {
    at: now,
    actorKind: "officer",
    actorId: officer.id,
    action: before ? "update" : "create",
    subjectKind: "unit_office",
    subjectId: unitId,
    fields: (["phone", "address"] as const).filter((k) => (before?.[k] ?? null) !== contact[k]),
    reason: setting.reason,
  });
  await catalogChanged(deps, officer.username);
}
