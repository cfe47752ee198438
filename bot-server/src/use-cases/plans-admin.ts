/**
 * Administration of the scheme plans (docs/admin/plans.md): the province administrator lists and reads the plans
 * covering the province's units and enters a new version from a chosen date; a unit's administrator (or the
 * province's) says whether the unit takes part from a date. Every write is audited and reloads the live domain
 * (catalog-changed.ts): this instance at once, the others within DOMAIN_REFRESH_MS. A decision already made is never
 * rewritten: a version or a participation change starts after today, and a received dossier keeps its stored track,
 * due date and forms.
 */
import type {
  ParticipationBody,
  ParticipationReply,
  PlanListReply,
  PlanVersionBody,
  PlanVersionReply,
  PlanView,
} from "../../../shared/console/plans.js";
import type { AdminUnit, IsoDate } from "../../../shared/model.js";
import { administers, type Officer } from "../../../shared/officers/officer.js";
import { refusalOf } from "../../../shared/officers/permissions.js";
import { fail, type Outcome } from "../../../shared/outcomes.js";
import { coveredUnitIds } from "../../../shared/scheme/plan-index.js";
import { takesPartOn, withChange } from "../../../shared/scheme/plan-participation.js";
import { checkPlanVersion } from "../../../shared/scheme/plan-version.js";
import { PLAN_STATUS_LABELS, type SchemePlan } from "../../../shared/scheme/scheme-plan.js";
import { WEEKDAY_NAMES_VI, formatDateVn } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";
import type { CatalogDocument } from "../store/catalog.js";
import { loadPlanDocuments, readParticipation, saveNewPlanVersion, saveParticipation } from "../store/scheme-plans.js";
import { catalogChanged } from "./catalog-changed.js";
import { nowOf } from "./console-context.js";

const NAMES_SHOWN = 5;

function provinceIdOf(deps: Deps, unitId: string): string | undefined {
  const unit = deps.domain.units.byId(unitId);
  return unit ? deps.domain.units.provinceOf(unit)?.id : undefined;
}

/**
 * The plans covering at least one unit of the province (or naming the province itself), and the past plans of the
 * units it carries on today (Đắk Nông's 2023 plans for Lâm Đồng's communes since 1/7/2025).
 */
function plansOfProvince(deps: Deps, provinceId: string, docs: CatalogDocument<SchemePlan>[]) {
  const today = nowOf(deps).date;
  const ours = (id: string) =>
    provinceIdOf(deps, id) === provinceId ||
    deps.domain.units.successorsAt(id, today).some((u) => provinceIdOf(deps, u.id) === provinceId);
  return docs.filter(
    (d) => d.body.coverage.provinceUnitId === provinceId || coveredUnitIds(d.body, deps.domain.units).some(ours),
  );
}

function periodOf(plan: SchemePlan, today: IsoDate): PlanView["period"] {
  if (plan.validFrom > today) return "future";
  if (plan.validTo !== undefined && plan.validTo < today) return "past";
  return "current";
}

function viewOf(deps: Deps, doc: CatalogDocument<SchemePlan>, today: IsoDate): PlanView {
  const plan = doc.body;
  const units = coveredUnitIds(plan, deps.domain.units)
    .map((id) => deps.domain.units.byId(id))
    .filter((u): u is AdminUnit => u !== undefined);
  const procedures = (
    Object.entries(plan.eligible) as [keyof SchemePlan["eligible"], SchemePlan["eligible"]["commune"]][]
  ).flatMap(([level, list]) =>
    (list ?? []).map((e) => {
      const version = deps.domain.catalog.versions.find((v) => v.code === e.procedureCode);
      const flags = e.excludedFlags ?? [];
      return {
        level,
        procedureCode: e.procedureCode,
        procedureName: version?.name ?? null,
        excludedFlags: flags,
        excludedFlagLabels: flags.map((f) => version?.caseFlags.find((c) => c.id === f)?.label ?? f),
        decidingOfficeTakesPart: e.decidingOfficeTakesPart?.text ?? null,
      };
    }),
  );
  return {
    id: plan.id,
    label: plan.label,
    status: plan.status,
    statusLabel: PLAN_STATUS_LABELS[plan.status],
    issuer: plan.issuer,
    number: plan.number,
    issuedOn: plan.issuedOn,
    validFrom: plan.validFrom,
    validTo: plan.validTo ?? null,
    period: periodOf(plan, today),
    weekdays: plan.weekdays,
    weekdayNames: [...plan.weekdays]
      .sort()
      .map((d) => WEEKDAY_NAMES_VI[d])
      .join(", "),
    officeHours: plan.officeHours,
    intakeCutoff: plan.intakeCutoff,
    procedures,
    unitCount: units.length,
    unitNames: units.slice(0, NAMES_SHOWN).map((u) => deps.domain.units.displayName(u)),
    origin: doc.origin,
    supersedes: plan.supersedes ?? null,
    enteredBy: plan.enteredBy?.username ?? null,
    source: plan.source,
    toVerify: plan.toVerify === true || plan.evidence === "U" || plan.evidence === "?",
    note: plan.note ?? null,
  };
}

const byStart = (a: CatalogDocument<SchemePlan>, b: CatalogDocument<SchemePlan>) =>
  a.body.validFrom < b.body.validFrom ? 1 : a.body.validFrom > b.body.validFrom ? -1 : 0;

function provinceOfOfficer(officer: Officer): Outcome<string> {
  return officer.unitId
    ? { ok: true, value: officer.unitId }
    : fail("forbidden", { message: refusalOf("admin.province") });
}

export async function listPlans(deps: Deps, officer: Officer): Promise<Outcome<PlanListReply>> {
  const province = provinceOfOfficer(officer);
  if (!province.ok) return province;
  const today = nowOf(deps).date;
  const docs = plansOfProvince(deps, province.value, await loadPlanDocuments(deps.db)).sort(byStart);
  const procedures = deps.domain.catalog.versions
    .filter((v) => v.validFrom <= today && (v.validTo === undefined || today <= v.validTo))
    .map((v) => ({ code: v.code, name: v.name, levels: v.receivingLevels }));
  return { ok: true, value: { today, plans: docs.map((d) => viewOf(deps, d, today)), procedures } };
}

export async function readPlan(deps: Deps, officer: Officer, id: string): Promise<Outcome<PlanView>> {
  const province = provinceOfOfficer(officer);
  if (!province.ok) return province;
  const doc = plansOfProvince(deps, province.value, await loadPlanDocuments(deps.db)).find((d) => d.id === id);
  return doc ? { ok: true, value: viewOf(deps, doc, nowOf(deps).date) } : fail("plan_not_found");
}

/** A new version of plan `id` from `body.validFrom`; the version `id` ends the day before. */
export async function createPlanVersion(
  deps: Deps,
  officer: Officer,
  id: string,
  body: PlanVersionBody,
): Promise<Outcome<PlanVersionReply>> {
  const province = provinceOfOfficer(officer);
  if (!province.ok) return province;
  const docs = await loadPlanDocuments(deps.db);
  const previous = plansOfProvince(deps, province.value, docs).find((d) => d.id === id);
  if (!previous) return fail("plan_not_found");
  const now = nowOf(deps);
  const checked = checkPlanVersion(body, {
    today: now.date,
    previous: previous.body,
    plans: docs.map((d) => d.body),
    units: deps.domain.units,
    catalog: deps.domain.catalog,
    enteredBy: { username: officer.username, at: now.iso },
  });
  if (!checked.ok)
    return fail("plan_invalid", {
      fields: checked.errors.map((e) => ({ path: e.path, message: e.message })),
      detail: `The plan version was refused: ${checked.errors.map((e) => `${e.path}: ${e.detail}`).join(" ")}`,
    });
  const { plan, previous: ended } = checked;
  const saved = await saveNewPlanVersion(deps.db, { plan, previous: ended }, now.iso, officer.id, {
    at: now.iso,
    actorKind: "officer",
    actorId: officer.id,
    action: "create",
    subjectKind: "scheme_plan",
    subjectId: plan.id,
    fields: ["validFrom", "validTo", "weekdays", "officeHours", "intakeCutoff", "eligible", "document"],
    reason:
      `Phiên bản mới của kế hoạch ${previous.id} từ ${formatDateVn(plan.validFrom)}; phiên bản trước kết thúc ` +
      `${formatDateVn(ended.validTo!)}${body.reason ? `. Lý do: ${body.reason}` : ""}`,
  });
  if (!saved)
    return fail("plan_invalid", {
      fields: [{ path: "validFrom", message: "Đã có phiên bản bắt đầu từ ngày này. Chọn ngày khác." }],
      detail: `A version ${plan.id} exists already.`,
    });
  await catalogChanged(deps, officer.username);
  const today = now.date;
  const asDoc = (body: SchemePlan): CatalogDocument<SchemePlan> => ({
    kind: "scheme_plan",
    id: body.id,
    validFrom: body.validFrom,
    validTo: body.validTo ?? null,
    body,
    origin: "admin",
  });
  return {
    ok: true,
    value: { plan: viewOf(deps, asDoc(plan), today), previous: viewOf(deps, asDoc(ended), today) },
  };
}

// ---------------------------------------------------------------- the unit's participation

/** The unit an administrator names (a unit administrator: their own by default), if they administer it. */
function administeredUnit(deps: Deps, officer: Officer, unitId: string | undefined): Outcome<AdminUnit> {
  const id = unitId ?? (officer.role === "unit_admin" ? (officer.unitId ?? undefined) : undefined);
  if (!id)
    return fail("invalid_body", {
      fields: [{ path: "unitId", message: "Chọn đơn vị." }],
      detail: "unitId is required for a province administrator.",
    });
  const unit = deps.domain.units.byId(id);
  if (!unit || unit.level === "province" || !administers(officer, id, (u) => provinceIdOf(deps, u)))
    return fail("forbidden", { message: refusalOf("admin.unit") });
  return { ok: true, value: unit };
}

async function participationView(deps: Deps, unit: AdminUnit): Promise<ParticipationReply> {
  const today = nowOf(deps).date;
  const doc = await readParticipation(deps.db, unit.id);
  const plan = deps.domain.scheme.planAt(unit.id, today);
  const covered = (await loadPlanDocuments(deps.db)).some(
    (d) =>
      (d.body.validTo === undefined || d.body.validTo >= today) &&
      coveredUnitIds(d.body, deps.domain.units).includes(unit.id),
  );
  return {
    unitId: unit.id,
    unitName: deps.domain.units.displayName(unit),
    today,
    takesPartToday: takesPartOn(doc, today),
    planToday: plan ? { id: plan.id, label: plan.label, statusLabel: PLAN_STATUS_LABELS[plan.status] } : null,
    covered,
    changes: (doc?.changes ?? []).map((c) => ({ ...c, note: c.note ?? null })),
  };
}

export async function readUnitParticipation(
  deps: Deps,
  officer: Officer,
  unitId: string | undefined,
): Promise<Outcome<ParticipationReply>> {
  const unit = administeredUnit(deps, officer, unitId);
  if (!unit.ok) return unit;
  return { ok: true, value: await participationView(deps, unit.value) };
}

export async function setUnitParticipation(
  deps: Deps,
  officer: Officer,
  body: ParticipationBody,
): Promise<Outcome<ParticipationReply>> {
  const unit = administeredUnit(deps, officer, body.unitId);
  if (!unit.ok) return unit;
  const now = nowOf(deps);
  if (body.from <= now.date)
    return fail("invalid_body", {
      fields: [
        {
          path: "from",
          message: `Ngày áp dụng phải sau hôm nay (${formatDateVn(now.date)}): các quyết định đã có không được thay đổi.`,
        },
      ],
      detail: "from must be after today: decisions already made are never rewritten.",
    });
  const doc = withChange(await readParticipation(deps.db, unit.value.id), unit.value.id, {
    from: body.from,
    takesPart: body.takesPart,
    by: officer.username,
    at: now.iso,
    ...(body.note ? { note: body.note } : {}),
  });
  await saveParticipation(deps.db, doc, now.iso, officer.id, {
    at: now.iso,
    actorKind: "officer",
    actorId: officer.id,
    action: "update",
    subjectKind: "plan_participation",
    subjectId: unit.value.id,
    fields: ["takesPart", "from"],
    reason: `${body.takesPart ? "Tham gia" : "Không tham gia"} Ngày không hẹn từ ${formatDateVn(body.from)}${body.note ? `. ${body.note}` : ""}`,
  });
  await catalogChanged(deps, officer.username);
  return { ok: true, value: await participationView(deps, unit.value) };
}
