/**
 * Everything decideTrack needs, indexed once at createDomain so a decision allocates little: units by code,
 * display names, per-version flags and cutoff, and bounded per-date caches (day facts, legal due dates).
 */
import type { Calendar } from "../calendar/calendar.js";
import { computeDueDate } from "../calendar/due-date.js";
import type { AdminUnit, IsoDate } from "../model.js";
import type { ProcedureCatalog } from "../procedures/catalog.js";
import type { CaseFlag, ProcedureVersion } from "../procedures/procedure-version.js";
import { clockMinutes, formatDateVn } from "../time/vn-time.js";
import type { UnitDirectory } from "../units/unit-directory.js";
import type { PlanIndex } from "./plan-index.js";

export interface VersionInfo {
  flags: ReadonlyMap<string, CaseFlag>;
  /** Index of this version's entries in the per-date due-date cache. */
  slot: number;
  /** Minutes of the legal same-day cutoff (Decree 99/2022 Art. 16: 15:00); -1 when none. */
  cutoffMinutes: number;
}

export interface DayFacts {
  /** dd/mm/yyyy */
  vn: string;
  working: boolean;
  /** "Thứ Tư 14/02/2024 là ngày nghỉ: …" (working days: empty). */
  dayOffText: string;
  /** Legal due dates by version slot and past-cutoff bit. */
  due: ({ dueDate: IsoDate; toVerify: boolean } | undefined)[];
}

export interface DecideContext {
  units: UnitDirectory;
  calendar: Calendar;
  catalog: ProcedureCatalog;
  plans: PlanIndex;
  unitAt(code: string, date: IsoDate): AdminUnit | undefined;
  unitName(unit: AdminUnit): string;
  versionInfo(version: ProcedureVersion): VersionInfo;
  day(date: IsoDate): DayFacts;
  legalDueDate(version: ProcedureVersion, date: IsoDate, minutes: number): { dueDate: IsoDate; toVerify: boolean };
}

const CACHE_DAYS = 20_000;

export function buildContext(
  units: UnitDirectory,
  calendar: Calendar,
  catalog: ProcedureCatalog,
  plans: PlanIndex,
): DecideContext {
  const byCode = new Map<string, AdminUnit[]>();
  const names = new Map<string, string>();
  for (const u of units.units) {
    const list = byCode.get(u.code) ?? [];
    list.push(u);
    byCode.set(u.code, list);
    names.set(u.id, units.displayName(u));
  }
  const infos = new Map<ProcedureVersion, VersionInfo>();
  catalog.versions.forEach((v, i) =>
    infos.set(v, {
      flags: new Map(v.caseFlags.map((f) => [f.id, f])),
      slot: i * 2,
      cutoffMinutes: v.timeLimit.sameDayCutoff === undefined ? -1 : clockMinutes(v.timeLimit.sameDayCutoff),
    }),
  );
  const days = new Map<IsoDate, DayFacts>();

  function versionInfo(version: ProcedureVersion): VersionInfo {
    let info = infos.get(version);
    if (!info)
      infos.set(
        version,
        (info = { flags: new Map(version.caseFlags.map((f) => [f.id, f])), slot: -1, cutoffMinutes: -1 }),
      );
    return info;
  }

  function day(date: IsoDate): DayFacts {
    let facts = days.get(date);
    if (facts === undefined) {
      const working = calendar.isWorkingDay(date);
      facts = {
        vn: formatDateVn(date),
        working,
        dayOffText: working ? "" : calendar.explainDay(date).text.replace(/\.$/, ""),
        due: [],
      };
      if (days.size >= CACHE_DAYS) days.clear();
      days.set(date, facts);
    }
    return facts;
  }

  return {
    units,
    calendar,
    catalog,
    plans,
    unitAt(code, date) {
      const list = byCode.get(code);
      if (list)
        for (const u of list) if (u.validFrom <= date && (u.validTo === undefined || date <= u.validTo)) return u;
      return undefined;
    },
    unitName: (unit) => names.get(unit.id) ?? units.displayName(unit),
    versionInfo,
    day,
    legalDueDate(version, date, minutes) {
      const info = versionInfo(version);
      const { timeLimitWorkingDays, sameDayCutoff } = version.timeLimit;
      const slot =
        info.slot + (timeLimitWorkingDays === 0 && info.cutoffMinutes >= 0 && minutes >= info.cutoffMinutes ? 1 : 0);
      const facts = day(date);
      const hit = info.slot >= 0 ? facts.due[slot] : undefined;
      if (hit) return hit;
      const due = computeDueDate({ receivedAt: { date, minutes }, timeLimitWorkingDays, sameDayCutoff }, calendar);
      const value = { dueDate: due.dueDate, toVerify: due.toVerify };
      if (info.slot >= 0) facts.due[slot] = value;
      return value;
    },
  };
}
