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
  formerNames: z
    .array(FormerUnitLead)
    .optional()
    .describe("With `q`: former units of that name and the units now serving their area"),
});
export type UnitList = z.infer<typeof UnitList>;

export const UnitCodeParams = z.object({ unitCode: UnitCode });

const MinutesRange = z.object({ low: z.number().int(), high: z.number().int() });

/** "Kịp 15:00 không?": citizens at the counter now and the wait, from today's intake events (no personal data). */
export const CounterWait = z.object({
  unitCode: UnitCode,
  date: IsoDate,
  time: z.string().describe("HH:mm in Việt Nam"),
  schemeDay: z.boolean(),
  intakeState: z.enum(["open", "paused", "closed", "not-scheme-day"]),
  intakeCutoff: z.string().nullable(),
  estimate: z
    .object({
      waiting: z
        .number()
        .int()
        .describe("Dossiers an officer is typing now (started in the last 60 minutes): a lower bound of the queue"),
      counters: z.number().int().describe("Officers who received a dossier in the last 60 minutes (at least 1)"),
      minutesPerCitizen: MinutesRange.nullable().describe(
        "25th–75th percentile of today's gaps between receptions; null before 3 gaps",
      ),
      wait: MinutesRange.nullable(),
      verdict: z
        .enum(["in-time", "maybe", "too-late", "unknown"])
        .describe("Against the cut-off, travel time not included"),
      basis: z.number().int().describe("Gaps between receptions the range comes from"),
      receivedBy: z
        .string()
        .nullable()
        .describe("HH:mm: the latest a citizen arriving now is likely received (high ends)"),
    })
    .nullable()
    .describe("Scheme days only"),
  method: z.string().describe("How the estimate is made, in Vietnamese"),
});
export type CounterWait = z.infer<typeof CounterWait>;

/** An address as printed on an identity card, to be read in today's units. */
export const CurrentAddressBody = z.object({ address: z.string().trim().min(1).max(300) });

export const CurrentAddressAnswer = z.object({
  offer: z
    .object({
      printed: z.string(),
      current: z.string().describe("The same address in today's units, e.g. 'Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng'"),
      formerUnit: UnitRef,
      currentUnit: UnitRef,
    })
    .nullable()
    .describe("null when the printed address is current or cannot be read with certainty"),
});
export type CurrentAddressAnswer = z.infer<typeof CurrentAddressAnswer>;
