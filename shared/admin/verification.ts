/**
 * Verification of shipped facts (docs/admin/unit-and-verification.md): every fact shipped with evidence U or ? or
 * flagged `toVerify` ("cần kiểm tra") is listed with who may confirm it; a confirmation (document kind
 * "confirmation": the source, the person, the time) turns the fact into a confirmed one (evidence V, no marker)
 * when the domain is loaded, so every instance follows. Pure: the server loads the documents and calls these.
 */
import type { CalendarEntry, CalendarYear } from "../calendar/calendar-data.js";
import type { FeeEntry } from "../data/fees.js";
import type { Evidence, IsoDate } from "../model.js";
import type { ProcedureVersion } from "../procedures/procedure-version.js";
import type { SchemePlan } from "../scheme/scheme-plan.js";
import type { UnitDirectory } from "../units/unit-directory.js";
import type { UnitOfficeSetting, UnitPlanOverride } from "./unit-office.js";

export type FactKind = "office_hours" | "office" | "plan" | "deciding_office" | "fee" | "procedure" | "calendar";
export type Confirmer = "unit_admin" | "province_admin";

/** The unit administrator confirms the office's own facts; the province administrator the province's. */
export const CONFIRMER_OF: Record<FactKind, Confirmer> = {
  office_hours: "unit_admin",
  office: "unit_admin",
  plan: "province_admin",
  deciding_office: "province_admin",
  fee: "province_admin",
  procedure: "province_admin",
  calendar: "province_admin",
};

export const FACT_KIND_LABELS: Record<FactKind, string> = {
  office_hours: "Giờ làm việc",
  office: "Tên, địa chỉ, điện thoại Bộ phận Một cửa",
  plan: "Kế hoạch Ngày không hẹn",
  deciding_office: "Cơ quan giải quyết tham gia",
  fee: "Phí, lệ phí",
  procedure: "Thủ tục hành chính",
  calendar: "Lịch nghỉ, làm bù",
};

export interface Confirmation {
  factId: string;
  /** Document number or URL the fact was checked against. */
  source: string;
  at: string;
  /** Username and display name of the administrator. */
  by: string;
  byName: string;
}

export interface Fact {
  id: string;
  kind: FactKind;
  /** The unit the fact belongs to; null for a fact of the province (or of the country: procedures, calendar). */
  unitId: string | null;
  /** The province whose administrator confirms it; null for a national fact (any province administrator). */
  provinceId: string | null;
  /** What the fact is, in Vietnamese. */
  title: string;
  /** The value as shipped. */
  value: string;
  /** The shipped source. */
  source: string;
  /** Last day the fact matters (a plan's validTo…); absent while in force. */
  validTo?: IsoDate;
  confirmer: Confirmer;
  confirmation: Confirmation | null;
}

export interface VerificationInput {
  units: UnitDirectory;
  plans: readonly SchemePlan[];
  fees: readonly FeeEntry[];
  versions: readonly ProcedureVersion[];
  calendarYears: readonly (CalendarYear & { year: string })[];
  /** The shipped office of a unit (place, address, phone and its mark). */
  officeOf(unitId: string): {
    place: string;
    address: string | null;
    phone: string | null;
    toVerify: boolean;
    source: string;
  };
  confirmations: ReadonlyMap<string, Confirmation>;
  unitOffices: ReadonlyMap<string, UnitOfficeSetting>;
}

const unconfirmedMark = (f: { evidence?: Evidence; toVerify?: boolean }) =>
  f.toVerify === true || f.evidence === "U" || f.evidence === "?";

export const factIds = {
  officeHours: (unitId: string) => `office_hours:${unitId}`,
  office: (unitId: string) => `office:${unitId}`,
  plan: (planId: string) => `plan:${planId}`,
  decidingOffice: (planId: string, code: string) => `deciding_office:${planId}:${code}`,
  fee: (f: Pick<FeeEntry, "provinceCode" | "procedureCode" | "validFrom">) =>
    `fee:${f.provinceCode}:${f.procedureCode}:${f.validFrom}`,
  procedure: (versionId: string) => `procedure:${versionId}`,
  calendar: (year: string, from?: IsoDate) => (from ? `calendar:${year}:${from}` : `calendar:${year}`),
};

/** The unit's own settings count as confirmed by their author (the hours when entered; the office when any set). */
function confirmationBySetting(factId: string, s: UnitOfficeSetting): Confirmation {
  return { factId, source: "Đơn vị tự cập nhật", at: s.updatedAt, by: s.updatedBy, byName: s.updatedByName };
}

/** Units a plan covers (explicit ids and the levels of its province). */
function coveredUnits(plan: SchemePlan, units: UnitDirectory): string[] {
  const { provinceUnitId, levels = [], unitIds = [] } = plan.coverage;
  const ids = new Set(unitIds);
  if (provinceUnitId)
    for (const u of units.units)
      if (levels.includes(u.level) && units.provinceOf(u)?.id === provinceUnitId) ids.add(u.id);
  return [...ids];
}

const provinceIdOf = (units: UnitDirectory, unitId: string) => {
  const u = units.byId(unitId);
  return (u && units.provinceOf(u)?.id) ?? null;
};

const hoursText = (hours: readonly { start: string; end: string }[]) =>
  hours.map((h) => `${h.start}–${h.end}`).join(", ");

const dmy = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Every shipped fact marked for verification, with its confirmation if any (units' facts first, by unit). */
export function listFacts(input: VerificationInput): Fact[] {
  const { units, confirmations, unitOffices } = input;
  const facts: Fact[] = [];
  const confirmationOf = (id: string) => confirmations.get(id) ?? null;

  const officeUnits = new Map<string, SchemePlan[]>();
  for (const plan of input.plans)
    for (const id of coveredUnits(plan, units)) {
      const u = units.byId(id);
      if (!u || u.validTo !== undefined) continue;
      officeUnits.set(id, [...(officeUnits.get(id) ?? []), plan]);
    }
  for (const [unitId, plans] of [...officeUnits].sort(([a], [b]) => a.localeCompare(b))) {
    const unit = units.byId(unitId)!;
    const setting = unitOffices.get(unitId);
    const provinceId = provinceIdOf(units, unitId);
    const name = units.displayName(unit);
    const current = plans.filter((p) => p.validTo === undefined);
    const hoursPlan = current[current.length - 1] ?? plans[plans.length - 1]!;
    if (plans.some((p) => p.officeHoursToVerify)) {
      const id = factIds.officeHours(unitId);
      facts.push({
        id,
        kind: "office_hours",
        unitId,
        provinceId,
        title: `Giờ làm việc của Bộ phận Một cửa ${name}`,
        value: hoursText(setting?.officeHours ?? hoursPlan.officeHours),
        source: hoursPlan.source,
        confirmer: CONFIRMER_OF.office_hours,
        confirmation: confirmationOf(id) ?? (setting?.officeHours ? confirmationBySetting(id, setting) : null),
      });
    }
    const office = input.officeOf(unitId);
    if (office.toVerify) {
      const id = factIds.office(unitId);
      const entered = setting && (setting.name || setting.address || setting.phone);
      facts.push({
        id,
        kind: "office",
        unitId,
        provinceId,
        title: `Nơi tiếp nhận của ${name} (tên, địa chỉ, điện thoại)`,
        value: [
          setting?.name ?? office.place,
          setting?.address ?? office.address ?? "chưa có địa chỉ",
          setting?.phone ?? office.phone ?? "chưa có số điện thoại",
        ].join(" · "),
        source: office.source,
        confirmer: CONFIRMER_OF.office,
        confirmation: confirmationOf(id) ?? (entered ? confirmationBySetting(id, setting) : null),
      });
    }
  }

  for (const plan of input.plans) {
    const provinceId = plan.coverage.provinceUnitId ?? provinceIdOf(units, plan.coverage.unitIds?.[0] ?? "");
    const base = { unitId: null, provinceId, confirmer: "province_admin" as const, ...validTo(plan.validTo) };
    if (unconfirmedMark(plan)) {
      const id = factIds.plan(plan.id);
      facts.push({
        ...base,
        id,
        kind: "plan",
        title: `Kế hoạch: ${plan.label}`,
        value: `${plan.number ?? "chưa có số văn bản"}, hiệu lực từ ${dmy(plan.validFrom)}, chốt nhận ${plan.intakeCutoff}`,
        source: plan.source,
        confirmation: confirmationOf(id),
      });
    }
    for (const list of Object.values(plan.eligible))
      for (const e of list ?? []) {
        if (!e.decidingOfficeTakesPart || !unconfirmedMark(e.decidingOfficeTakesPart)) continue;
        const id = factIds.decidingOffice(plan.id, e.procedureCode);
        if (facts.some((f) => f.id === id)) continue;
        facts.push({
          ...base,
          id,
          kind: "deciding_office",
          title: `Cơ quan giải quyết thủ tục ${e.procedureCode} tham gia (${plan.label})`,
          value: e.decidingOfficeTakesPart.text,
          source: e.decidingOfficeTakesPart.source,
          confirmation: confirmationOf(id),
        });
      }
  }

  for (const fee of input.fees) {
    if (!unconfirmedMark(fee)) continue;
    const id = factIds.fee(fee);
    const provinces = units.units.filter((u) => u.level === "province" && u.code === fee.provinceCode);
    const province = provinces.find((u) => !u.validTo) ?? provinces[provinces.length - 1];
    const version = input.versions.find((v) => v.code === fee.procedureCode);
    facts.push({
      id,
      kind: "fee",
      unitId: null,
      provinceId: province?.id ?? null,
      title: `${fee.kind === "phí" ? "Phí" : "Lệ phí"} thủ tục ${fee.procedureCode}${version ? ` (${version.name})` : ""}, từ ${dmy(fee.validFrom)}`,
      value: fee.amountVnd === null ? `chưa có mức thu; ${fee.basis}` : `${fee.amountVnd} đồng; ${fee.basis}`,
      source: fee.source,
      ...validTo(fee.validTo),
      confirmer: "province_admin",
      confirmation: confirmationOf(id),
    });
  }

  for (const v of input.versions) {
    const marked = markedPaths(v);
    if (marked.length === 0) continue;
    const id = factIds.procedure(v.id);
    facts.push({
      id,
      kind: "procedure",
      unitId: null,
      provinceId: null,
      title: `Thủ tục ${v.code} ${v.name} (từ ${dmy(v.validFrom)})`,
      value: `${marked.length} thông tin cần kiểm tra`,
      source: "Cơ sở dữ liệu quốc gia về thủ tục hành chính (https://dichvucong.gov.vn)",
      ...validTo(v.validTo),
      confirmer: "province_admin",
      confirmation: confirmationOf(id),
    });
  }

  for (const y of input.calendarYears) {
    if (y.provisional) {
      const id = factIds.calendar(y.year);
      facts.push({
        id,
        kind: "calendar",
        unitId: null,
        provinceId: null,
        title: `Lịch nghỉ năm ${y.year} (chưa có thông báo chính thức)`,
        value: `${y.entries.length} ngày nghỉ, làm bù dự kiến`,
        source: "Bộ luật Lao động 2019 Điều 112; lịch âm",
        validTo: `${y.year}-12-31`,
        confirmer: "province_admin",
        confirmation: confirmationOf(id),
      });
    }
    for (const e of y.entries) {
      if (!unconfirmedMark(e) && !e.provisional) continue;
      const id = factIds.calendar(y.year, e.from);
      facts.push({
        id,
        kind: "calendar",
        unitId: null,
        provinceId: null,
        title: e.reason,
        value: e.to ? `${dmy(e.from)} – ${dmy(e.to)}` : dmy(e.from),
        source: e.source,
        validTo: e.to ?? e.from,
        confirmer: "province_admin",
        confirmation: confirmationOf(id),
      });
    }
  }
  return facts;
}

const validTo = (d: IsoDate | undefined) => (d ? { validTo: d } : {});

/** Dotted paths of the marked facts inside a document (evidence U or ?, or toVerify). */
export function markedPaths(doc: unknown, path = ""): string[] {
  if (Array.isArray(doc)) return doc.flatMap((d, i) => markedPaths(d, `${path}${path ? "." : ""}${i}`));
  if (doc === null || typeof doc !== "object") return [];
  const o = doc as Record<string, unknown>;
  const own = o.toVerify === true || o.evidence === "U" || o.evidence === "?" ? [path] : [];
  return [
    ...own,
    ...Object.entries(o).flatMap(([k, v]) =>
      typeof v === "object" ? markedPaths(v, `${path}${path ? "." : ""}${k}`) : [],
    ),
  ];
}

/** A copy of the document with every mark cleared: evidence U or ? becomes V, toVerify and provisional false. */
export function confirmedCopy<T>(doc: T, note: string): T {
  const walk = (d: unknown): unknown => {
    if (Array.isArray(d)) return d.map(walk);
    if (d === null || typeof d !== "object") return d;
    const o = Object.fromEntries(Object.entries(d as Record<string, unknown>).map(([k, v]) => [k, walk(v)]));
    const marked = o.toVerify === true || o.evidence === "U" || o.evidence === "?";
    if (!marked) return o;
    return {
      ...o,
      ...(o.evidence !== undefined ? { evidence: "V" } : {}),
      ...(o.toVerify !== undefined ? { toVerify: false } : {}),
      ...(typeof o.source === "string" ? { source: `${o.source}; ${note}` } : {}),
    };
  };
  return walk(doc) as T;
}

const noteOf = (c: Confirmation) => `đã xác nhận theo ${c.source} (${c.byName}, ${c.at.slice(0, 10)})`;

export interface ConfirmedData {
  plans: SchemePlan[];
  fees: FeeEntry[];
  versions: ProcedureVersion[];
  calendarYears: (CalendarYear & { year: string })[];
  /** Per unit: its own hours and whether its hours are confirmed (for the plan index). */
  unitOverrides: Map<string, UnitPlanOverride>;
  /** Units whose office (name, address, phone) is confirmed or entered by the unit. */
  confirmedOffices: Set<string>;
}

/** The catalogue with the confirmations and the units' own settings applied (what the domain is built from). */
export function applyConfirmations(input: Omit<VerificationInput, "units" | "officeOf">): ConfirmedData {
  const c = input.confirmations;
  const plans = input.plans.map((plan) => {
    const own = c.get(factIds.plan(plan.id));
    let p: SchemePlan = own
      ? {
          ...plan,
          toVerify: false,
          evidence: plan.evidence === "U" || plan.evidence === "?" ? "V" : plan.evidence,
          source: `${plan.source}; ${noteOf(own)}`,
        }
      : plan;
    const eligible = Object.fromEntries(
      Object.entries(p.eligible).map(([level, list]) => [
        level,
        (list ?? []).map((e) => {
          const conf = e.decidingOfficeTakesPart && c.get(factIds.decidingOffice(plan.id, e.procedureCode));
          return conf && e.decidingOfficeTakesPart
            ? { ...e, decidingOfficeTakesPart: confirmedCopy(e.decidingOfficeTakesPart, noteOf(conf)) }
            : e;
        }),
      ]),
    ) as SchemePlan["eligible"];
    p = { ...p, eligible };
    return p;
  });
  const fees = input.fees.map((f) => {
    const conf = c.get(factIds.fee(f));
    return conf ? ({ ...confirmedCopy(f, noteOf(conf)), toVerify: false } as unknown as FeeEntry) : f;
  });
  const versions = input.versions.map((v) => {
    const conf = c.get(factIds.procedure(v.id));
    return conf ? confirmedCopy(v, noteOf(conf)) : v;
  });
  const calendarYears = input.calendarYears.map((y) => {
    const yearConf = c.get(factIds.calendar(y.year));
    const entries = y.entries.map((e): CalendarEntry => {
      const conf = c.get(factIds.calendar(y.year, e.from));
      return conf ? { ...confirmedCopy(e, noteOf(conf)), toVerify: false, provisional: false } : e;
    });
    return { ...y, entries, ...(yearConf ? { provisional: false } : {}) };
  });
  const unitOverrides = new Map<string, UnitPlanOverride>();
  const confirmedOffices = new Set<string>();
  const unitIds = new Set([...input.unitOffices.keys()]);
  for (const id of c.keys()) {
    const m = /^(office_hours|office):(.+)$/.exec(id);
    if (m) unitIds.add(m[2]!);
  }
  for (const unitId of unitIds) {
    const s = input.unitOffices.get(unitId);
    const hoursConfirmed = c.has(factIds.officeHours(unitId));
    if (s?.officeHours || hoursConfirmed)
      unitOverrides.set(unitId, { ...(s?.officeHours ? { officeHours: s.officeHours } : {}), hoursConfirmed });
    if (c.has(factIds.office(unitId)) || (s && (s.name || s.address || s.phone))) confirmedOffices.add(unitId);
  }
  return { plans, fees, versions, calendarYears, unitOverrides, confirmedOffices };
}
