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

export const UnitDetail = UnitSummary.extend({
  /** Units this one replaced (e.g. the 2023 communes merged into it on 1/7/2025). */
  predecessors: z.array(UnitLink),
  /** Units that replaced this one. */
  successors: z.array(UnitLink),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

export const UnitSearchQuery = AtQuery.extend({
  q: z.string().max(100).optional().describe("Name or code; diacritics optional (quang khe = Quảng Khê)"),
  level: z.enum(["province", "district", "commune"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const UnitList = z.object({ items: z.array(UnitSummary) });
export type UnitList = z.infer<typeof UnitList>;

export const UnitCodeParams = z.object({ unitCode: UnitCode });
