/**
 * A unit's own settings for its one-stop office (document kind "unit_office" in the catalogue): the office's name
 * as citizens know it ("Trung tâm Phục vụ hành chính công xã Quảng Khê"), its address and telephone, and its office
 * hours and breaks, which override the plan's office hours at that unit (docs/admin/unit-and-verification.md).
 * Official codes never change here: the unit id and GSO code stay those of the administrative data.
 */
import { z } from "zod";
import { officeOf } from "../data/offices.js";
import type { UnitDirectory } from "../units/unit-directory.js";
import type { SchemePlan } from "../scheme/scheme-plan.js";
import { clockMinutes } from "../time/vn-time.js";

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const clock = z.string().trim().regex(CLOCK, "Giờ theo dạng HH:mm, ví dụ 07:30.");

export const OfficeHoursInput = z
  .array(z.object({ start: clock, end: clock }))
  .max(6, "Tối đa 6 khoảng giờ trong ngày.");
export type OfficeHoursInput = z.infer<typeof OfficeHoursInput>;

/** What the unit administrator saved (null: the shipped value stays). */
export interface UnitOfficeSetting {
  unitId: string;
  /** The office's name as citizens know it; null keeps "Bộ phận Một cửa, UBND <unit>". */
  name: string | null;
  address: string | null;
  phone: string | null;
  /** The unit's office hours with its breaks between the ranges; null keeps the plan's. */
  officeHours: OfficeHoursInput | null;
  /** Why the change was made (audited with it). */
  reason: string;
  updatedAt: string;
  /** Username and display name of the administrator who saved it. */
  updatedBy: string;
  updatedByName: string;
}

export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * Problems with office hours (Vietnamese, one per field): a range ending before it starts, ranges out of order or
 * overlapping (a break must lie between two ranges), and, for each cut-off given, a same-day intake cut-off that
 * falls outside every range.
 */
export function officeHoursIssues(hours: OfficeHoursInput, cutoffs: readonly string[] = []): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (hours.length === 0) return [{ path: "officeHours", message: "Nhập ít nhất một khoảng giờ làm việc." }];
  hours.forEach((h, i) => {
    const start = clockMinutes(h.start);
    const end = clockMinutes(h.end);
    if (end <= start) {
      issues.push({ path: `officeHours.${i}.end`, message: `Giờ kết thúc phải sau giờ bắt đầu (${h.start}).` });
      return;
    }
    const prev = hours[i - 1];
    if (prev && start < clockMinutes(prev.end))
      issues.push({
        path: `officeHours.${i}.start`,
        message: `Khoảng giờ này chồng lên khoảng ${prev.start}–${prev.end}; giờ nghỉ phải nằm giữa hai khoảng.`,
      });
  });
  if (issues.length > 0) return issues;
  for (const cutoff of new Set(cutoffs)) {
    const c = clockMinutes(cutoff);
    if (!hours.some((h) => clockMinutes(h.start) < c && c <= clockMinutes(h.end)))
      issues.push({
        path: "officeHours",
        message: `Giờ chốt nhận hồ sơ trả trong ngày của kế hoạch (${cutoff}) nằm ngoài giờ làm việc đã nhập.`,
      });
  }
  return issues;
}

/** Per unit: the hours that replace the plan's (if any) and whether the hours are confirmed at that unit. */
export interface UnitPlanOverride {
  officeHours?: OfficeHoursInput;
  hoursConfirmed: boolean;
}

/**
 * The plan as it applies at a unit with its own settings: the unit's office hours (only when they keep the plan's
 * cut-off inside office hours, otherwise the plan's stay) and no "to verify" mark on hours the unit entered or
 * confirmed.
 */
export function planAtUnit(plan: SchemePlan, override: UnitPlanOverride | undefined): SchemePlan {
  if (!override) return plan;
  const hours =
    override.officeHours && officeHoursIssues(override.officeHours, [plan.intakeCutoff]).length === 0
      ? override.officeHours
      : undefined;
  const entered = hours !== undefined;
  if (!entered && !override.hoursConfirmed) return plan;
  return {
    ...plan,
    officeHours: hours ?? plan.officeHours,
    officeHoursToVerify: false,
  };
}

const DERIVED_SOURCE = "Suy ra từ tên đơn vị; chưa có địa chỉ, số điện thoại được kiểm chứng";

/** A unit's office as shipped (shared/data/offices.ts), or its People's Committee seat flagged to verify. */
export function shippedOffice(
  units: UnitDirectory,
  unitId: string,
): { place: string; address: string | null; phone: string | null; toVerify: boolean; source: string } {
  const o = officeOf(unitId);
  if (o) return { place: o.place, address: o.address, phone: o.phone, toVerify: o.toVerify, source: o.source };
  const unit = units.byId(unitId);
  return {
    place: `Bộ phận Một cửa, UBND ${unit ? units.displayName(unit) : unitId}`,
    address: null,
    phone: null,
    toVerify: true,
    source: DERIVED_SOURCE,
  };
}
