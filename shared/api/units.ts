/** Administrative units (đơn vị hành chính) with their history: codes are reused, ids never are. */
import { z } from "zod";
import { AtQuery, IsoDate, UnitCode, UnitRef } from "./common.js";

export const UnitSummary = UnitRef.extend({
  level: z.enum(["province", "district", "commune"]),
  parent: UnitRef.nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
});
export type UnitSummary = z.infer<typeof UnitSummary>;

export const UnitLink = z.object({ unit: UnitRef, effectiveDate: IsoDate, legalBasis: z.string() });

/** The one-stop office citizens go to; anything unverified carries toVerify ("cần kiểm tra"). */
export const UnitOffice = z.object({
  place: z.string().describe("e.g. Bộ phận Một cửa, UBND xã Quảng Khê"),
  address: z.string().nullable().describe("Postal address; null until verified"),
  phone: z.string().nullable().describe("As dialled; null until verified (never guessed)"),
  toVerify: z.boolean().describe("Shown as 'cần kiểm tra'"),
  source: z.string(),
});
export type UnitOffice = z.infer<typeof UnitOffice>;

export const OfficeHours = z.array(z.object({ start: z.string(), end: z.string() }));

export const UnitDetail = UnitSummary.extend({
  /** Units this one replaced (e.g. the 2023 communes merged into it on 1/7/2025). */
  predecessors: z.array(UnitLink),
  /** Units that replaced this one. */
  successors: z.array(UnitLink),
  office: UnitOffice,
  officeHours: OfficeHours.describe("From the scheme plan in force at the unit; empty without one"),
  officeHoursToVerify: z.boolean(),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

export const UnitSearchQuery = AtQuery.extend({
  q: z.string().max(100).optional().describe("Name or code; diacritics optional (quang khe = Quảng Khê)"),
  level: z.enum(["province", "district", "commune"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** A former unit whose name matched (e.g. "huyện Đăk Glong", abolished 1/7/2025) and today's communes covering its area. */
export const FormerUnitLead = z.object({ former: UnitSummary, successors: z.array(UnitSummary) });
export type FormerUnitLead = z.infer<typeof FormerUnitLead>;

export const UnitList = z.object({
  items: z.array(UnitSummary),
  formerNames: z.array(FormerUnitLead).optional().describe("With `q`: former units of that name and the units now serving their area"),
});
export type UnitList = z.infer<typeof UnitList>;

export const UnitCodeParams = z.object({ unitCode: UnitCode });
