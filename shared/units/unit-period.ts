/** Validity periods of administrative units: both ends inclusive, dates "YYYY-MM-DD". */
import type { AdminUnit, IsoDate } from "../model.js";

const DAY = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;

/** The calendar day of an IsoDate or ISO instant prefix; undefined for anything else. */
export function toDay(date: string): IsoDate | undefined {
  if (typeof date !== "string") return undefined;
  return DAY.exec(date.trim())?.[1];
}

export function isInForce(unit: Pick<AdminUnit, "validFrom" | "validTo">, date: IsoDate): boolean {
  const day = toDay(date);
  if (day === undefined) return false;
  return unit.validFrom <= day && (unit.validTo === undefined || day <= unit.validTo);
}
